using System.Security.Claims;
using System.Text.Encodings.Web;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Cloud.Features.Sync;

/// <summary>
/// <c>Authorization: Site WH1:&lt;credential&gt;</c>. The credential is checked against the hash of the named
/// site only, so a box holding another site's credential gets nowhere, and a revoked site stops at once
/// (nothing is cached).
/// </summary>
public sealed class SiteAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<CloudDbContext> contexts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = SyncProtocol.AuthorizationScheme;
    public const string SiteClaim = "site";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var value = header.AsSpan(SchemeName.Length + 1).Trim();
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon > 10)
        {
            return AuthenticateResult.Fail("The site credential is not of the form CODE:SECRET.");
        }

        var code = value[..colon].ToString();
        var secret = value[(colon + 1)..].ToString();
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var hash = await db.Sites.AsNoTracking().Where(s => s.Code == code).Select(s => s.CredentialHash)
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (hash is null || !MachineSecrets.Verify(secret, hash))
        {
            return AuthenticateResult.Fail("Unknown site or wrong or revoked credential.");
        }

        var identity = new ClaimsIdentity([new Claim(SiteClaim, code)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

public static class SiteClaims
{
    public static string SiteCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(SiteAuthenticationHandler.SiteClaim)
        ?? throw new InvalidOperationException("Not a site principal.");
}
