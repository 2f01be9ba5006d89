using Microsoft.Extensions.Logging;

namespace Inventory.Web.Auth;

/// <summary>What a sign-in reads and writes of an account; the edge's and the cloud's user rows both have it.</summary>
public interface ISignInAccount
{
    Guid Id { get; }
    string Username { get; }
    string PasswordHash { get; }
    string Role { get; }
    string SecurityStamp { get; }
    bool IsActive { get; }
    int FailedLogins { get; set; }
    DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// The one password check and lock-out of every replica: after <c>maxFailedLogins</c> failures in a row the
/// account is locked (see <see cref="Lockout"/>), a success clears the count. The caller loads the account and
/// saves what changed, in its own store.
/// </summary>
public static partial class AccountSignIn
{
    public static async Task<LoginCheck> CheckAsync(
        ISignInAccount? user, string password, int maxFailedLogins, TimeSpan lockoutDuration, DateTimeOffset now,
        Func<CancellationToken, Task> saveAsync, ILogger logger, CancellationToken cancellationToken)
    {
        if (user?.LockedUntil is { } until && until > now)
        {
            return new LoginCheck(LoginOutcome.LockedOut, null, until - now);
        }

        var valid = PasswordHasher.Verify(password, user?.PasswordHash);
        if (user is null || !user.IsActive || !valid)
        {
            if (user is not null)
            {
                user.FailedLogins++;
                if (Lockout.Next(user.FailedLogins, maxFailedLogins, lockoutDuration) is { } duration)
                {
                    user.LockedUntil = now + duration;
                    LogLocked(logger, user.Id, duration);
                }

                await saveAsync(cancellationToken);
            }

            LogFailed(logger);
            return new LoginCheck(LoginOutcome.WrongCredentials, null, TimeSpan.Zero);
        }

        if (user.FailedLogins != 0 || user.LockedUntil is not null)
        {
            user.FailedLogins = 0;
            user.LockedUntil = null;
            await saveAsync(cancellationToken);
        }

        return new LoginCheck(LoginOutcome.Success, new SignedInUser(user.Id, user.Username, user.Role, user.SecurityStamp), TimeSpan.Zero);
    }

    // Neither the username nor the password is logged: a mistyped password is often typed into the username field.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused")]
    private static partial void LogFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked for {Duration} after repeated failed sign-ins")]
    private static partial void LogLocked(ILogger logger, Guid userId, TimeSpan duration);
}
