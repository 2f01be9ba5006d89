namespace Inventory.Edge.Features.Counting;

/// <summary>
/// What a new count covers at one location: all its stock, or narrowed by category, ABC class and bins; the plan's
/// scheduler passes the exact stock that is due (<see cref="Keys"/>, from <see cref="CountKeys.Of"/>).
/// </summary>
public sealed record CountSelection(
    Guid LocationId,
    Guid? CategoryId = null,
    string? AbcClass = null,
    IReadOnlyList<string>? Bins = null,
    IReadOnlySet<string>? Keys = null,
    bool Blind = true);

/// <summary>The identity of a piece of stock at a location, as the scheduler and the open-count rule see it.</summary>
public static class CountKeys
{
    public static string Of(Guid productId, string bin, string lot) => $"{productId:D}|{bin}|{lot}";
}

/// <summary>How making a count ended.</summary>
public abstract record CountCreation
{
    private CountCreation()
    {
    }

    public sealed record Created(Infrastructure.Data.Entities.CycleCount Count) : CountCreation;

    public sealed record LocationNotFound : CountCreation;

    /// <summary>Some of the stock is already in an open count: the message names it and that count's number.</summary>
    public sealed record Overlaps(string Message) : CountCreation;
}
