using Inventory.Barcodes;

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
/// Classifies a scanned code with the GS1 rules of Inventory.Barcodes: a GS1 element string (bracketed,
/// or FNC1-separated with or without a symbology identifier) gives its GTIN, lot, expiry, serial and
/// count; a bare EAN-8/UPC-A/EAN-13/GTIN-14 its GTIN-14; anything else is a plain code (barcode or SKU).
/// A broken GS1 string (bad check digit, unknown AI) carries the parser's short message.
/// </summary>
public sealed class ScanCodeReader(TimeProvider time)
{
    public ScannedCode Read(string code)
    {
        var scan = ScanCode.Parse(code, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return scan.Kind switch
        {
            ScanCodeKind.Gs1 when scan.Gs1 is { } gs1 => new ScannedCode(
                scan.Raw, scan.Gtin14, gs1.Batch, gs1.Expiry, gs1.Serial, gs1.Quantity, scan.Error),
            ScanCodeKind.Gs1 => new ScannedCode(scan.Raw, Error: scan.Error ?? "GS1: unreadable code"),
            ScanCodeKind.Gtin => new ScannedCode(scan.Raw, scan.Gtin14),
            _ => new ScannedCode(scan.Text.Length > 0 ? scan.Text : scan.Raw, Error: scan.Error),
        };
    }
}
