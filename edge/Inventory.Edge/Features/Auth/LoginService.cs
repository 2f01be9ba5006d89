using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Auth;

/// <summary>
/// Checks a username and password, counting failures per account: after MaxFailedLogins in a row the
/// account is locked for LockoutDuration, doubling with each further lock-out (capped at a day).
/// </summary>
public sealed partial class LoginService(
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
        var now = time.GetUtcNow();
        if (user?.LockedUntil is { } until && until > now)
        {
            return new LoginCheck(LoginOutcome.LockedOut, null, until - now);
        }

        var valid = PasswordHasher.Verify(password, user?.PasswordHash);
        if (user is null || !user.IsActive || !valid)
        {
            if (user is not null)
            {
                await RecordFailureAsync(db, user, now, cancellationToken);
            }

            LogFailed(logger);
            return new LoginCheck(LoginOutcome.WrongCredentials, null, TimeSpan.Zero);
        }

        if (user.FailedLogins != 0 || user.LockedUntil is not null)
        {
            user.FailedLogins = 0;
            user.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new LoginCheck(LoginOutcome.Success, new SignedInUser(user.Id, user.Username, user.Role, user.SecurityStamp), TimeSpan.Zero);
    }

    private async Task RecordFailureAsync(EdgeDbContext db, Infrastructure.Data.Entities.User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var auth = options.Value.Auth;
        user.FailedLogins++;
        if (Lockout.Next(user.FailedLogins, auth.MaxFailedLogins, auth.LockoutDuration) is { } duration)
        {
            user.LockedUntil = now + duration;
            LogLocked(logger, user.Id, duration);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // Neither the username nor the password is logged: a mistyped password is often typed into the username field.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused")]
    private static partial void LogFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked for {Duration} after repeated failed sign-ins")]
    private static partial void LogLocked(ILogger logger, Guid userId, TimeSpan duration);
}
