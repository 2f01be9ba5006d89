using System.Globalization;
using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data.Entities;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>A stored plan as the shared <see cref="CountPolicy"/>, and working days between the wire, the row and DayOfWeek.</summary>
public static class CountPlanPolicy
{
    /// <summary>The wire names in week order; the row keeps ISO numbers (Monday 1 … Sunday 7).</summary>
    public static IReadOnlyList<string> DayNames { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static CountPolicy Of(CountPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new CountPolicy(
            new PerClass<int>(plan.FrequencyA, plan.FrequencyB, plan.FrequencyC),
            new PerClass<decimal>(plan.ToleranceA, plan.ToleranceB, plan.ToleranceC),
            plan.ValueThreshold,
            ParseStored(plan.WorkingDays));
    }

    /// <summary>"1,2,3,4,5" → Monday to Friday; an unreadable part is skipped.</summary>
    public static HashSet<DayOfWeek> ParseStored(string stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) ? iso : 0)
            .Where(iso => iso is >= 1 and <= 7)
            .Select(iso => (DayOfWeek)(iso % 7))];

    public static string Store(IEnumerable<DayOfWeek> days) =>
        string.Join(',', days.Select(Iso).Distinct().Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<string> Names(IEnumerable<DayOfWeek> days) =>
        [.. days.Select(Iso).Distinct().Order().Select(i => DayNames[i - 1])];

    /// <summary>"mon" … "sun" (any case) → the day; null when not a day name.</summary>
    public static DayOfWeek? Parse(string? name)
    {
        var index = DayNames.ToList().IndexOf((name ?? "").Trim().ToLowerInvariant());
        return index < 0 ? null : (DayOfWeek)((index + 1) % 7);
    }

    private static int Iso(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;
}
