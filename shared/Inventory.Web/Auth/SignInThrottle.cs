using System.Net;
using Microsoft.Extensions.Options;

namespace Inventory.Web.Auth;

/// <summary>The sign-in throttle's limits; each host fills them from its own auth settings.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failures in a row from one address at one username before that pair is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>The first lock of a pair; it doubles with each further failure, capped at a day.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Failures at one username from all addresses together before the name is slowed down everywhere, for one
    /// <see cref="LockoutDuration"/> only (never doubled): a guesser spread over many addresses is slowed, the owner
    /// on another address waits minutes, not days.
    /// </summary>
    public int MaxFailedLoginsPerName => MaxFailedLogins * 4;

    /// <summary>Names and pairs remembered at most; the oldest idle ones are forgotten first.</summary>
    public int MaxTracked { get; set; } = 20_000;
}

/// <summary>
/// Slows a password guesser down without telling it which usernames exist: failures are counted per
/// (username, client address) and per username, whether an account has that name or not, so an unknown name is
/// answered exactly like a known one (401, then 429 with the same Retry-After). A pair is locked after
/// <see cref="SignInThrottleOptions.MaxFailedLogins"/> failures in a row, doubling per further failure; the name
/// alone, whatever the address, after <see cref="SignInThrottleOptions.MaxFailedLoginsPerName"/> for one base
/// duration. An attempt is counted as it begins, under one lock, so parallel guesses cannot pass the limit while
/// the slow password hash runs: 80 at once get exactly the limit checked. Kept in memory: a restart forgets it,
/// which costs a guesser nothing it could not get by waiting.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Reserves one attempt, or says how long to wait. Complete the attempt with <see cref="End"/>.</summary>
    public bool TryBegin(string username, IPAddress? address, out Attempt attempt, out TimeSpan retryAfter)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        var (nameKey, pairKey) = Keys(username, address);
        lock (_gate)
        {
            var name = CounterOf(nameKey, now, limits);
            var pair = CounterOf(pairKey, now, limits);
            var wait = Max(pair.Wait(now, limits.MaxFailedLogins, oneAtATimeWhenLocked: true, limits.LockoutDuration),
                name.Wait(now, limits.MaxFailedLoginsPerName, oneAtATimeWhenLocked: false, limits.LockoutDuration));
            if (wait > TimeSpan.Zero)
            {
                attempt = default;
                retryAfter = wait;
                return false;
            }

            name.InFlight++;
            pair.InFlight++;
            attempt = new Attempt(nameKey, pairKey);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Ends an attempt: a success clears the pair's and the name's failures, a failure counts.</summary>
    public void End(Attempt attempt, bool succeeded)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_counters.TryGetValue(attempt.PairKey, out var pair))
            {
                pair.End(now, succeeded);
                if (!succeeded && Lockout.Next(pair.Failures, limits.MaxFailedLogins, limits.LockoutDuration) is { } lockFor)
                {
                    pair.LockedUntil = now + lockFor;
                    if (_counters.TryGetValue(attempt.NameKey, out var ofName) && ofName.SomePairLockedUntil < pair.LockedUntil)
                    {
                        ofName.SomePairLockedUntil = pair.LockedUntil;
                    }
                }
            }

            if (_counters.TryGetValue(attempt.NameKey, out var name))
            {
                name.End(now, succeeded);
                if (!succeeded && name.Failures >= limits.MaxFailedLoginsPerName)
                {
                    name.LockedUntil = now + limits.LockoutDuration;
                    name.Failures = 0;
                }
            }
        }
    }

    /// <summary>Whether the name is locked now for every address or for at least one (a manager's user list shows it).</summary>
    public bool IsLocked(string username)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _counters.TryGetValue(Keys(username, null).NameKey, out var name)
                && (name.LockedUntil > now || name.SomePairLockedUntil > now);
        }
    }

    /// <summary>Forgets every count of a name (a manager reset its password).</summary>
    public void Forget(string username)
    {
        var nameKey = Keys(username, null).NameKey;
        lock (_gate)
        {
            foreach (var key in _counters.Keys.Where(k => k == nameKey || k.StartsWith(nameKey + "\n", StringComparison.Ordinal)).ToList())
            {
                _counters.Remove(key);
            }
        }
    }

    private static (string NameKey, string PairKey) Keys(string username, IPAddress? address)
    {
        // Case folded: "Admin" and "admin" share one count, whichever of them the store would match.
        var name = username.Trim().ToUpperInvariant();
        var where = address is null ? "-" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return (name, name + "\n" + where);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private Counter CounterOf(string key, DateTimeOffset now, SignInThrottleOptions limits)
    {
        if (!_counters.TryGetValue(key, out var counter))
        {
            if (_counters.Count >= limits.MaxTracked)
            {
                ForgetIdle(now, limits.MaxTracked / 2);
            }

            counter = new Counter();
            _counters[key] = counter;
        }

        counter.LastSeen = now;
        return counter;
    }

    // Names an attacker makes up must not grow memory without end: the idle half goes, locked ones last.
    private void ForgetIdle(DateTimeOffset now, int keep)
    {
        foreach (var key in _counters
            .Where(c => c.Value.InFlight == 0)
            .OrderBy(c => c.Value.LockedUntil > now)
            .ThenBy(c => c.Value.LastSeen)
            .Take(Math.Max(0, _counters.Count - keep))
            .Select(c => c.Key)
            .ToList())
        {
            _counters.Remove(key);
        }
    }

    /// <summary>An attempt in flight: what <see cref="End"/> needs to count it.</summary>
    public readonly record struct Attempt(string NameKey, string PairKey);

    private sealed class Counter
    {
        public int Failures { get; set; }

        public int InFlight { get; set; }

        public DateTimeOffset LockedUntil { get; set; }

        public DateTimeOffset LastSeen { get; set; }

        /// <summary>On a name's counter: until when one of its (name, address) pairs is locked.</summary>
        public DateTimeOffset SomePairLockedUntil { get; set; }

        /// <summary>
        /// How long a new attempt must wait: while locked, until the lock ends; while the attempts in flight would
        /// reach the limit, one lock duration (they are about to lock it). Once a lock has passed, a pair admits one
        /// guess at a time, each failure locking it again for twice as long.
        /// </summary>
        public TimeSpan Wait(DateTimeOffset now, int limit, bool oneAtATimeWhenLocked, TimeSpan lockDuration)
        {
            if (LockedUntil > now)
            {
                return LockedUntil - now;
            }

            if (Failures + InFlight < limit)
            {
                return TimeSpan.Zero;
            }

            return oneAtATimeWhenLocked && Failures >= limit && InFlight == 0 ? TimeSpan.Zero : lockDuration;
        }

        public void End(DateTimeOffset now, bool succeeded)
        {
            InFlight = Math.Max(0, InFlight - 1);
            LastSeen = now;
            if (succeeded)
            {
                Failures = 0;
                LockedUntil = default;
            }
            else
            {
                Failures++;
            }
        }
    }
}
