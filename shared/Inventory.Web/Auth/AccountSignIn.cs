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
}

/// <summary>
/// The one password check of every replica. Lock-out is not kept per account here but by the
/// <see cref="SignInThrottle"/> in front of it, per name and address, so an unknown name answers like a known one.
/// </summary>
public static partial class AccountSignIn
{
    public static LoginCheck Check(ISignInAccount? user, string password, ILogger logger)
    {
        // Verified even without a user (against a dummy hash), so an unknown name costs the same time.
        var valid = PasswordHasher.Verify(password, user?.PasswordHash);
        if (user is null || !user.IsActive || !valid)
        {
            LogFailed(logger);
            return new LoginCheck(LoginOutcome.WrongCredentials, null, TimeSpan.Zero);
        }

        return new LoginCheck(LoginOutcome.Success, new SignedInUser(user.Id, user.Username, user.Role, user.SecurityStamp), TimeSpan.Zero);
    }

    // Neither the username nor the password is logged: a mistyped password is often typed into the username field.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused")]
    private static partial void LogFailed(ILogger logger);
}
