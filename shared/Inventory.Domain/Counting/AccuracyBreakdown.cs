using System.Globalization;

namespace Inventory.Domain.Counting;

/// <summary>One submitted count line as the accuracy report sees it: when it was counted, whether its record was right, and its keys.</summary>
public sealed record AccuracyLine(DateTimeOffset CountedAt, bool WithinTolerance, string Location, string AbcClass, string Counter, string Site = "");

/// <summary>Lines counted and within tolerance of one group (a location, a class, a counter, a period, a site).</summary>
public sealed record AccuracyGroup(string Key, long LinesCounted, long LinesWithinTolerance, decimal? Accuracy);

/// <summary>
/// The inventory record accuracy report's arithmetic, shared by the box and the cloud: IRA = lines within tolerance ÷
/// lines counted (<see cref="InventoryAccuracy"/>), overall and per group, never netting errors.
/// </summary>
public static class AccuracyBreakdown
{
    public const string Day = "day";
    public const string Week = "week";

    public static bool IsPeriod(string? groupBy) => groupBy is null or "" or Day or Week;

    /// <summary>
    /// Whether a line's record was right when it was first counted. IRA measures the record, so a recount that lands
    /// within tolerance does not make a wrong record right: a line without a recount keeps the judgement made at its
    /// submission (<paramref name="withinTolerance"/>, or <paramref name="policy"/> on the counted figure when none was
    /// stored); a recounted line is judged on its first figure by <paramref name="policy"/>.
    /// </summary>
    public static bool FirstCountWithin(
        CountPolicy policy, string abcClass, long expected, long counted, long? firstCounted, bool? withinTolerance, decimal? unitCost)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var cls = AbcClass.All.Contains(abcClass) ? abcClass : AbcClass.C;
        return firstCounted is { } first
            ? policy.IsWithinTolerance(cls, expected, first, unitCost)
            : withinTolerance ?? policy.IsWithinTolerance(cls, expected, counted, unitCost);
    }

    public static AccuracyGroup Total(IReadOnlyCollection<AccuracyLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Group("all", lines);
    }

    /// <summary>The lines grouped by <paramref name="key"/>, keys in ordinal order.</summary>
    public static IReadOnlyList<AccuracyGroup> By(IEnumerable<AccuracyLine> lines, Func<AccuracyLine, string> key) =>
        [.. lines.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, [.. g]))];

    /// <summary>The period a line falls in: its UTC day (yyyy-MM-dd) or the Monday its ISO week starts on (yyyy-MM-dd).</summary>
    public static string PeriodOf(DateTimeOffset at, string? groupBy)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (groupBy == Day)
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static AccuracyGroup Group(string key, IReadOnlyCollection<AccuracyLine> lines)
    {
        var within = lines.LongCount(l => l.WithinTolerance);
        return new AccuracyGroup(key, lines.Count, within, InventoryAccuracy.Of(within, lines.Count));
    }
}
