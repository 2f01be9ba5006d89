using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Auth;

/// <summary>
/// Checks a username and password against this box's accounts; the <see cref="SignInThrottle"/> in front of it
/// slows guessers down (MaxFailedLogins, LockoutDuration).
/// </summary>
public sealed class LoginService(
    IDbContextFactory<EdgeDbContext> contexts, ILogger<LoginService> logger) : IPasswordCheck
{
    /// <summary>
    /// The password check and lock-out behind both the bearer token and the browser's cookie sign-in, so the two
    /// can never disagree on who may sign in.
    /// </summary>
    public async Task<LoginCheck> CheckAsync(string username, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username, cancellationToken);
        return AccountSignIn.Check(user, password, logger);
    }
}
