namespace Inventory.Domain.Counting;

/// <summary>
/// A product's class at a location by annual consumption value (the ABC report): A the few that carry most of the
/// value, C the many that carry little. Counting frequency and tolerance follow the class.
/// </summary>
public static class AbcClass
{
    public const string A = "A";
    public const string B = "B";
    public const string C = "C";

    public static IReadOnlyList<string> All { get; } = [A, B, C];

    public static bool IsKnown(string? value) => value is A or B or C;
}
