using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Web.Auth;

/// <summary>Signs the bearer tokens that <see cref="AuthServices.AddInventoryJwt"/> validates.</summary>
public sealed class TokenIssuer(ISigningKeySource key, IOptions<TokenIssuerOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId, string username, string role, string securityStamp)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.Lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(AuthClaims.UserId, userId.ToString()),
                new Claim(AuthClaims.Name, username),
                new Claim(AuthClaims.Role, role),
                new Claim(AuthClaims.Stamp, securityStamp),
            ]),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
