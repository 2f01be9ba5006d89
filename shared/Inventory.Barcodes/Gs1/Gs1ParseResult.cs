namespace Inventory.Barcodes.Gs1;

/// <summary>
/// The outcome of reading a GS1 element string: the elements, or one error short enough for a handheld's
/// screen ("GS1: bad check digit in (01)").
/// </summary>
public sealed record Gs1ParseResult(Gs1ElementString? Value, string? Error)
{
    public bool IsValid => Error is null;

    internal static Gs1ParseResult Fail(string error) => new(null, "GS1: " + error);
}
