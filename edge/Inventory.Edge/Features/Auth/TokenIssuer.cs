using System.Security.Claims;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Auth;

public sealed class TokenIssuer(SigningKey key, IOptions<EdgeOptions> options, TimeProvider time)
{
    public const string Issuer = "inventory-edge";
    public const string Audience = "inventory";

    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(User user)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.Auth.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(AuthClaims.UserId, user.Id.ToString()),
                new Claim(AuthClaims.Name, user.Username),
                new Claim(AuthClaims.Role, user.Role),
                new Claim(AuthClaims.Stamp, user.SecurityStamp),
            ]),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
