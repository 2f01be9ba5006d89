namespace Inventory.Web.Auth;

public enum LoginOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
}

/// <summary>Who signed in: exactly what a bearer token and a sign-in cookie carry as claims.</summary>
public sealed record SignedInUser(Guid Id, string Username, string Role, string SecurityStamp);

/// <summary>A password check's answer; <see cref="User"/> is set on success only.</summary>
public sealed record LoginCheck(LoginOutcome Outcome, SignedInUser? User, TimeSpan RetryAfter);

/// <summary>
/// A host's password check and lock-out over its own accounts table, behind both the token endpoint and the
/// browser's cookie sign-in, so the two can never disagree on who may sign in.
/// </summary>
public interface IPasswordCheck
{
    Task<LoginCheck> CheckAsync(string username, string password, CancellationToken cancellationToken);
}
