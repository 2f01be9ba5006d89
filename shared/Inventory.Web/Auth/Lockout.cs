namespace Inventory.Web.Auth;

/// <summary>
/// How long an account is locked after failed sign-ins: <c>baseDuration</c> once <c>maxFailedLogins</c> fail in
/// a row, doubling with each further failure (at most 2^10 times), capped at a day.
/// </summary>
public static class Lockout
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>The lock to apply now, or null for none.</summary>
    /// <param name="failedLogins">Failures in a row, the one just recorded included.</param>
    public static TimeSpan? Next(int failedLogins, int maxFailedLogins, TimeSpan baseDuration)
    {
        if (failedLogins < maxFailedLogins)
        {
            return null;
        }

        var factor = Math.Pow(2, Math.Min(failedLogins - maxFailedLogins, 10));
        return TimeSpan.FromTicks((long)Math.Min(baseDuration.Ticks * factor, MaxDuration.Ticks));
    }
}
