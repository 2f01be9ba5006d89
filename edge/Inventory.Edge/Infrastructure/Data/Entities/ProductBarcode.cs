namespace Inventory.Edge.Infrastructure.Data.Entities;

public sealed class ProductBarcode
{
    /// <summary>The code as printed. A barcode names one product only, so it is the key.</summary>
    public required string Code { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>"unit" for the item itself, "case" for an outer pack (GTIN of a case of <see cref="PackQuantity"/>).</summary>
    public string Kind { get; set; } = BarcodeKinds.Unit;

    public int PackQuantity { get; set; } = 1;
}

public static class BarcodeKinds
{
    public const string Unit = "unit";
    public const string Case = "case";
}
