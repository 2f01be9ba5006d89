using System.Globalization;
using System.Text.Json.Serialization;

namespace Inventory.Web.Http;

/// <summary>`limit` and `next` of a list call: checked once here, the same rules for every list.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Validation Paged(this Validation v, int? limit, string? next) => v
        .Require(limit is null or (> 0 and <= MaxLimit), "limit", $"'limit' is between 1 and {MaxLimit}.")
        .Require(next is null || long.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            "next", "'next' is the value a previous page gave.");

    /// <summary>The cursor as a number; call after <see cref="Paged"/> accepted it.</summary>
    public static long Cursor(string? next) => next is null ? 0 : long.Parse(next, CultureInfo.InvariantCulture);

    public static int Limit(int? limit) => limit ?? DefaultLimit;
}

/// <summary>
/// A page of results; `next` (null on the last page) is passed back to get the following one. Written out
/// even when null, so a client tells "last page" from "field missing".
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
