using System.Text.Json;
using Inventory.Domain.Purchasing;
using Inventory.Sync;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// A supplier product's price breaks as stored (supplier_products.price_breaks, a JSON array of
/// <see cref="PriceBreakRecord"/> — the same shape the sync record carries) and as the domain rule takes them.
/// </summary>
internal static class SupplierPriceBreaks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PriceBreak> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        var records = JsonSerializer.Deserialize<List<PriceBreakRecord>>(json, Json) ?? [];
        return [.. records.Select(r => new PriceBreak(r.Quantity, r.UnitPrice)).OrderBy(b => b.Quantity)];
    }

    public static string Write(IEnumerable<PriceBreak> breaks) =>
        JsonSerializer.Serialize(breaks.OrderBy(b => b.Quantity).Select(b => new PriceBreakRecord(b.Quantity, b.UnitPrice)).ToList(), Json);

    /// <summary>The unit price of <paramref name="quantity"/> units from this supplier product (the break that applies, else its base price).</summary>
    public static decimal UnitPriceFor(Infrastructure.Data.Entities.SupplierProduct product, decimal quantity) =>
        PriceBreaks.UnitPriceFor(quantity, product.UnitPrice, Read(product.PriceBreaks));
}
