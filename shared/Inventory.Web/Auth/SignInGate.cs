using System.Net;

namespace Inventory.Web.Auth;

/// <summary>
/// Every sign-in, by token or by browser, passes here: the <see cref="SignInThrottle"/> first, then the host's
/// <see cref="IPasswordCheck"/>. A refused attempt never reaches the password hash, so a locked pair costs the
/// service nothing either.
/// </summary>
public sealed class SignInGate(IPasswordCheck passwords, SignInThrottle throttle)
{
    public async Task<LoginCheck> CheckAsync(string username, string password, IPAddress? client, CancellationToken cancellationToken)
    {
        if (!throttle.TryBegin(username, client, out var attempt, out var retryAfter))
        {
            return new LoginCheck(LoginOutcome.LockedOut, null, retryAfter);
        }

        var succeeded = false;
        try
        {
            var check = await passwords.CheckAsync(username, password, cancellationToken);
            succeeded = check.Outcome == LoginOutcome.Success;
            return check;
        }
        finally
        {
            // A check that threw (database gone, request aborted) counts as a failure: it cannot be retried for free.
            throttle.End(attempt, succeeded);
        }
    }
}
