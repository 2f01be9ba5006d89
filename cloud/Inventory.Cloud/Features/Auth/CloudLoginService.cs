using Inventory.Cloud.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Auth;

/// <summary>Checks a username and password with the same hashing and lock-out rules as every box.</summary>
public sealed class CloudLoginService(
    IDbContextFactory<CloudDbContext> contexts,
    ILogger<CloudLoginService> logger) : IPasswordCheck
{
    /// <summary>The password check and lock-out alone, for the token endpoint and the browser's sign-in cookie alike.</summary>
    public async Task<LoginCheck> CheckAsync(string username, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username, cancellationToken);
        return AccountSignIn.Check(user, password, logger);
    }
}
