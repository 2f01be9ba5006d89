namespace Inventory.Edge.Features.Sync;

/// <summary>
/// Exponential back-off with full jitter (a random wait up to a ceiling that doubles per failure), so a
/// fleet of boxes that lost the cloud together does not hammer it together when it returns.
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public static Backoff Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        // Never below the initial wait: a refusal answered in a millisecond must not turn into a busy loop.
        return TimeSpan.FromMilliseconds(Math.Max(initial.TotalMilliseconds, Random.Shared.NextDouble() * ceiling));
    }

    public void Reset() => _failures = 0;
}
