using System.Globalization;
using Inventory.Barcodes.Gs1;
using Inventory.Domain.Catalog;
using Inventory.Edge.Infrastructure.Data.Entities;

namespace Inventory.Edge.Features.Labels;

public enum RetailSymbology
{
    Ean13,
    UpcA,
}

/// <summary>A retail barcode worth printing: the product's unit EAN-13 or UPC-A, check digit verified.</summary>
public sealed record RetailCode(RetailSymbology Symbology, string Digits);

/// <summary>
/// What one label shows, whatever the format: name, SKU (also as Code 128), the selling price when asked,
/// the unit EAN-13/UPC-A when the product has a valid one, and for a lot label the lot and expiry, also as
/// a GS1 DataMatrix when the product has a GTIN to put in (01).
/// </summary>
public sealed record LabelContent(
    string Name,
    string Sku,
    string? Price,
    RetailCode? Retail,
    string? Lot,
    DateOnly? Expiry,
    Gs1ElementString? Gs1)
{
    public static LabelContent From(Product product, bool showPrice, string? lot, DateOnly? expiry, DateOnly today)
    {
        var unitCodes = product.Barcodes.Where(b => b.Kind == BarcodeKinds.Unit).Select(b => b.Code)
            .Order(StringComparer.Ordinal).ToList();
        var retail = unitCodes.Select(RetailOf).FirstOrDefault(r => r is not null);
        var gtin = unitCodes.Where(Gtin.IsValid).Select(Gtin.ToGtin14).FirstOrDefault();
        Gs1ElementString? gs1 = null;
        if (gtin is not null && (lot is not null || expiry is not null))
        {
            // (01) and (17) have predefined lengths and go first, so the variable (10) needs no separator.
            var elements = new List<(string, string)> { ("01", gtin) };
            if (expiry is { } date)
            {
                elements.Add(("17", Gs1Date.Write(date)));
            }

            if (lot is not null)
            {
                elements.Add(("10", lot));
            }

            var built = Gs1Parser.Build(elements, today);
            gs1 = built.Value ?? throw new InvalidOperationException(built.Error);
        }

        var price = showPrice && product.SellingPrice is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : null;
        return new LabelContent(product.Name, product.Sku, price, retail, lot, expiry, gs1);
    }

    public bool IsLotLabel => Lot is not null || Expiry is not null;

    private static RetailCode? RetailOf(string code) => Gtin.IsValid(code) switch
    {
        true when code.Length == 13 => new RetailCode(RetailSymbology.Ean13, code),
        true when code.Length == 12 => new RetailCode(RetailSymbology.UpcA, code),
        _ => null,
    };
}
