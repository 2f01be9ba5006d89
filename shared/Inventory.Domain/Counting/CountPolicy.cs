using System.Globalization;
using Inventory.Domain.Catalog;

namespace Inventory.Domain.Counting;

/// <summary>A value per ABC class.</summary>
public sealed record PerClass<T>(T A, T B, T C)
{
    public T Of(string abcClass) => abcClass switch
    {
        AbcClass.A => A,
        AbcClass.B => B,
        AbcClass.C => C,
        _ => throw new ArgumentOutOfRangeException(nameof(abcClass), abcClass, "A class is A, B or C."),
    };
}

/// <summary>
/// How one location is cycle counted: every product-bin of class A within <see cref="FrequencyDays"/>.A days and so
/// on; a counted line is within tolerance when its variance is at most <see cref="TolerancePercent"/> of the expected
/// quantity for its class and, when <see cref="ValueThreshold"/> is set, its value at cost is at most that amount;
/// counts are made on <see cref="WorkingDays"/> only.
/// </summary>
public sealed record CountPolicy(
    PerClass<int> FrequencyDays, PerClass<decimal> TolerancePercent, decimal? ValueThreshold, IReadOnlySet<DayOfWeek> WorkingDays)
{
    public const int MaxFrequencyDays = 3650;
    public const decimal MaxTolerancePercent = 100m;

    /// <summary>A every 30 days, B 90, C 365; A ±1 %, B ±3 %, C ±5 %; no value threshold; Monday to Friday.</summary>
    public static CountPolicy Default { get; } = new(
        new PerClass<int>(30, 90, 365), new PerClass<decimal>(1m, 3m, 5m), null,
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });

    public bool IsWorkingDay(DateOnly day) => WorkingDays.Contains(day.DayOfWeek);

    /// <summary>A period of calendar days in working days: 30 days of a five-day week are 21 (at least 1).</summary>
    public int WorkingDaysIn(int calendarDays) => Math.Max(1, (int)Math.Round(calendarDays * WorkingDays.Count / 7m, MidpointRounding.AwayFromZero));

    /// <summary>How many working days lie in (from, to]: 0 when to is not after from.</summary>
    public int WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        if (days <= 0)
        {
            return 0;
        }

        var count = days / 7 * WorkingDays.Count;
        for (var d = from.AddDays(days / 7 * 7 + 1); d <= to; d = d.AddDays(1))
        {
            count += IsWorkingDay(d) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether a counted line is close enough to post at once (else it waits for a recount or approval).</summary>
    public bool IsWithinTolerance(string abcClass, long expected, long counted, decimal? unitCost) =>
        CountTolerance.IsWithin(expected, counted, TolerancePercent.Of(abcClass), unitCost, ValueThreshold);

    /// <summary>Every error of a policy someone asked for; empty when it may be stored.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        foreach (var c in AbcClass.All)
        {
            if (FrequencyDays.Of(c) is < 1 or > MaxFrequencyDays)
            {
                errors.Add(new FieldError("frequencyDays", string.Create(CultureInfo.InvariantCulture, $"Class {c} is counted every 1 to 3,650 days.")));
            }

            if (TolerancePercent.Of(c) is < 0 or > MaxTolerancePercent)
            {
                errors.Add(new FieldError("tolerancePercent", string.Create(CultureInfo.InvariantCulture, $"Class {c}'s tolerance is 0 to 100 percent.")));
            }
        }

        if (ValueThreshold is < 0)
        {
            errors.Add(new FieldError("valueThreshold", "'valueThreshold' cannot be negative."));
        }

        if (WorkingDays.Count == 0)
        {
            errors.Add(new FieldError("workingDays", "At least one working day."));
        }

        return errors;
    }
}
