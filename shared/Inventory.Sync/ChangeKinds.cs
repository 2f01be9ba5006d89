namespace Inventory.Sync;

/// <summary>What a <see cref="ChangeRecord"/> carries; its <c>Data</c> is the matching record.</summary>
public static class ChangeKinds
{
    /// <summary><see cref="ProductRecord"/>: both ways (the cloud's catalog; a box may add or edit products).</summary>
    public const string Product = "product";

    /// <summary><see cref="CategoryRecord"/>: both ways.</summary>
    public const string Category = "category";

    /// <summary><see cref="UserRecord"/>: cloud to edge only, with the password hash so people sign in at a box offline.</summary>
    public const string User = "user";

    /// <summary><see cref="LocationRecord"/>: edge to cloud from the owning site; cloud to the other sites.</summary>
    public const string Location = "location";

    /// <summary><see cref="BinRecord"/>: edge to cloud from the owning site.</summary>
    public const string Bin = "bin";

    /// <summary><see cref="LevelSummaryRecord"/>: cloud to the other sites, one per product and location.</summary>
    public const string LevelSummary = "level";

    /// <summary><see cref="TransferRecord"/>: shipped by one site, received by another; both ways.</summary>
    public const string Transfer = "transfer";

    /// <summary><see cref="SupplierRecord"/>: both ways (company-wide master data, like the catalog).</summary>
    public const string Supplier = "supplier";

    /// <summary><see cref="SupplierProductRecord"/>: both ways; supplier prices reach purchasing and managers only in answers.</summary>
    public const string SupplierProduct = "supplier_product";

    /// <summary><see cref="PurchaseOrderRecord"/>: between the cloud and the PO's home site, both ways.</summary>
    public const string PurchaseOrder = "purchase_order";

    /// <summary><see cref="LotRecord"/>: both ways, every site (a hold placed anywhere reaches every box).</summary>
    public const string Lot = "lot";

    /// <summary><see cref="CycleCountRecord"/>: edge to cloud only (a count is counted at its box; the cloud reports on it).</summary>
    public const string CycleCount = "cycle_count";

    public static readonly IReadOnlyList<string> FromEdge = [Product, Category, Location, Bin, Transfer, Supplier, SupplierProduct, PurchaseOrder, Lot, CycleCount];
}
