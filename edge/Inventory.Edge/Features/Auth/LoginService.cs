using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Auth;

/// <summary>
/// Checks a username and password, counting failures per account: after MaxFailedLogins in a row the
/// account is locked for LockoutDuration, doubling with each further lock-out (capped at a day).
/// </summary>
public sealed class LoginService(
    IDbContextFactory<EdgeDbContext> contexts, IOptions<EdgeOptions> options,
    TimeProvider time, ILogger<LoginService> logger) : IPasswordCheck
{
    /// <summary>
    /// The password check and lock-out behind both the bearer token and the browser's cookie sign-in, so the two
    /// can never disagree on who may sign in.
    /// </summary>
    public async Task<LoginCheck> CheckAsync(string username, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username, cancellationToken);
        var auth = options.Value.Auth;
        return await AccountSignIn.CheckAsync(user, password, auth.MaxFailedLogins, auth.LockoutDuration, time.GetUtcNow(),
            db.SaveChangesAsync, logger, cancellationToken);
    }
}
