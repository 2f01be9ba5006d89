namespace Inventory.Barcodes;

/// <summary>
/// The AIM symbology identifier a scanner may put before the data ("]C1", "]E0", "]d2"…: a bracket, the
/// symbology's letter and a modifier). Scanners set up for GS1 send it so that the receiver can tell a
/// GS1-128 from a plain Code 128 whose text happens to look the same.
/// </summary>
public static class SymbologyIdentifier
{
    /// <summary>Identifiers that announce GS1 data: GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR, GS1 DotCode.</summary>
    private static readonly string[] Gs1Identifiers = ["]C1", "]e0", "]d2", "]Q3", "]J1"];

    /// <summary>Splits "]C10109…" into the identifier ("]C1") and the data; no identifier gives null.</summary>
    public static (string? Identifier, string Data) Split(string text)
    {
        if (text.Length >= 3 && text[0] == ']' && char.IsAsciiLetter(text[1]) && char.IsAsciiLetterOrDigit(text[2]))
        {
            return (text[..3], text[3..]);
        }

        return (null, text);
    }

    public static bool IsGs1(string? identifier) => identifier is not null && Gs1Identifiers.Contains(identifier, StringComparer.Ordinal);
}
