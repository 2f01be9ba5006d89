using Inventory.Domain.Catalog;

namespace Inventory.Edge.Features.Scanning;

/// <summary>
/// What a scanned code says. <see cref="Lot"/>, <see cref="Expiry"/>, <see cref="Serial"/> and
/// <see cref="Quantity"/> are empty for plain codes; a GS1 element string (AIs 10, 17, 21, 30/37) fills them.
/// </summary>
public sealed record ScannedCode(
    string Raw,
    string? Gtin14 = null,
    string? Lot = null,
    DateOnly? Expiry = null,
    string? Serial = null,
    int? Quantity = null,
    string? Error = null);

/// <summary>
/// Classifies a scanned code. Today: plain codes (barcode, SKU) and bare GTINs (EAN-8, UPC-A, EAN-13,
/// GTIN-14). The GS1 element-string parser plugs in here, in <see cref="Read"/> only: everything after it
/// (product match, lot, expiry, quantity) already reads the fields of <see cref="ScannedCode"/>.
/// </summary>
public sealed class ScanCodeReader
{
    public ScannedCode Read(string code)
    {
        var raw = code.Trim();
        // GS1 element strings ("(01)…(17)…" or FNC1-separated) go to the GS1 parser here once it is merged.
        return new ScannedCode(raw, Gtin.IsValid(raw) ? Gtin.ToGtin14(raw) : null);
    }
}
