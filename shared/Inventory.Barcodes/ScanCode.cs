using Inventory.Barcodes.Gs1;
using Inventory.Domain.Catalog;

namespace Inventory.Barcodes;

public enum ScanCodeKind
{
    /// <summary>A GS1 element string (GS1-128, GS1 DataMatrix…): see <see cref="ScanCode.Gs1"/>.</summary>
    Gs1,

    /// <summary>A bare EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid check digit.</summary>
    Gtin,

    /// <summary>Anything else: a SKU, an internal barcode, a Code 39 on a shelf.</summary>
    Plain,
}

/// <summary>
/// What a scanned text is, decided once for every way a scan arrives (MQTT, HTTP, a decoded photo).
/// <see cref="Text"/> is the data without a symbology identifier or surrounding whitespace;
/// <see cref="Gtin14"/> is the trade item to look up, normalised to 14 digits, when the code names one.
/// A text that announces GS1 but breaks its rules keeps <see cref="ScanCodeKind.Gs1"/> with an
/// <see cref="Error"/> (short enough for a handheld) instead of being looked up as a plain code.
/// </summary>
public sealed record ScanCode(ScanCodeKind Kind, string Raw, string Text, string? Gtin14, Gs1ElementString? Gs1, string? Error)
{
    public bool IsValid => Error is null;

    public static ScanCode Parse(string raw) => Parse(raw, DateOnly.FromDateTime(DateTime.UtcNow));

    public static ScanCode Parse(string raw, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(raw);
        // Keyboard-wedge scanners end a scan with CR or LF; GS (ASCII 29) is data, so only these are trimmed.
        var (identifier, text) = SymbologyIdentifier.Split(raw.Trim(' ', '\r', '\n', '\t'));
        var announcesGs1 = SymbologyIdentifier.IsGs1(identifier)
            || text.Contains(Gs1ElementString.GroupSeparator, StringComparison.Ordinal)
            || LooksBracketed(text);
        if (announcesGs1)
        {
            return FromGs1(raw, text, Gs1Parser.Parse(text, today));
        }

        if (text.Length is 8 or 12 or 13 or 14 && Gtin.IsValid(text))
        {
            return new ScanCode(ScanCodeKind.Gtin, raw, text, Gtin.ToGtin14(text), null, null);
        }

        // A scanner that drops FNC1 and sends no identifier still delivers "0109506000134352…": read it as
        // GS1 only when it parses completely, check digits included, so a SKU is almost never mistaken.
        if (text.Length > 14 && text[0] == '0' && text[1] is '0' or '1' or '2' && Gs1Parser.Parse(text, today) is { IsValid: true } gs1)
        {
            return FromGs1(raw, text, gs1);
        }

        return new ScanCode(ScanCodeKind.Plain, raw, text, null, null, text.Length == 0 ? "Empty code" : null);
    }

    private static ScanCode FromGs1(string raw, string text, Gs1ParseResult result) =>
        new(ScanCodeKind.Gs1, raw, text.TrimStart(Gs1ElementString.GroupSeparator), result.Value?.ItemGtin, result.Value, result.Error);

    /// <summary>"(01)…": an opening bracket, two to four digits, a closing bracket.</summary>
    private static bool LooksBracketed(string text)
    {
        var close = text.Length > 3 && text[0] == '(' ? text.IndexOf(')', StringComparison.Ordinal) : -1;
        return close is >= 3 and <= 5 && text.AsSpan(1, close - 1).ContainsAnyExceptInRange('0', '9') is false;
    }
}
