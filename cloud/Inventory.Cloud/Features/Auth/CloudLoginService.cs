using Inventory.Cloud.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Cloud.Features.Auth;

/// <summary>Checks a username and password with the same hashing and lock-out rules as every box.</summary>
public sealed partial class CloudLoginService(
    IDbContextFactory<CloudDbContext> contexts, IOptions<CloudOptions> options, TimeProvider time,
    ILogger<CloudLoginService> logger) : IPasswordCheck
{
    /// <summary>The password check and lock-out alone, for the token endpoint and the browser's sign-in cookie alike.</summary>
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
                var auth = options.Value.Auth;
                user.FailedLogins++;
                if (Lockout.Next(user.FailedLogins, auth.MaxFailedLogins, auth.LockoutDuration) is { } duration)
                {
                    user.LockedUntil = now + duration;
                }

                await db.SaveChangesAsync(cancellationToken);
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

    // Neither the username nor the password is logged: a mistyped password is often typed into the username field.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused")]
    private static partial void LogFailed(ILogger logger);
}
