using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;

namespace Inventory.Edge.Tests.Sync;

/// <summary>Suppliers and purchase orders as rows written here and as records pulled from the cloud.</summary>
internal static class PurchasingSyncData
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static Supplier NewSupplier(string? code = null) => new()
    {
        Id = Guid.CreateVersion7(), Code = code ?? Unique("SUP"), Name = "Acme", Email = "orders@acme.example", Currency = "EUR",
        LeadTimeDays = 5, OverReceiptTolerancePercent = 2, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    public static PurchaseOrder NewOrder(string site, Guid location, params Guid[] products) => new()
    {
        Id = Guid.CreateVersion7(), Number = Unique($"PO-{site}-"), SupplierId = Guid.CreateVersion7(), LocationId = location, SiteCode = site,
        CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        Lines = [.. products.Select((p, i) => new PurchaseOrderLine
        {
            Id = Guid.CreateVersion7(), LineNumber = i + 1, ProductId = p, Quantity = i == 0 ? 10 : 5, UnitPrice = 2.5m,
        })],
    };

    public static SupplierRecord SupplierRecord(string? code = null) => new(
        Guid.CreateVersion7(), code ?? Unique("CSUP"), "Cloud supplier", null, null, null, "EUR", 7, "30 days", 2, true,
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    public static SupplierProductRecord PriceRecord(Guid supplier, Guid product, bool preferred, decimal unitPrice = 3m) => new(
        DeterministicIds.SupplierProduct(supplier, product), supplier, product, "S-1", unitPrice, 10, 6, null, preferred,
        [new PriceBreakRecord(100, unitPrice - 0.5m)], true, DateTimeOffset.UtcNow);

    public static PurchaseOrderRecord OrderRecord(string site, Guid supplier, Guid location, params (Guid Product, decimal Quantity)[] lines) => new(
        Guid.CreateVersion7(), Unique("PO-HQ-"), supplier, location, site, new DateOnly(2027, 1, 15), "From head office", "EUR",
        [.. lines.Select(l => new PurchaseOrderLineRecord(Guid.CreateVersion7(), l.Product, l.Quantity, 2.5m, null))],
        DateTimeOffset.UtcNow, null, null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
