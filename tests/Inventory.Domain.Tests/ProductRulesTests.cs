using System.Text.Json;
using Inventory.Domain.Catalog;

namespace Inventory.Domain.Tests;

public sealed class ProductRulesTests
{
    private static readonly ProductRequest Valid = new(
        Sku: "SKU-1", Name: "Widget", Description: null, CategoryId: null, Category: null, ParentId: null, Attributes: null,
        CostPrice: 1.2345m, SellingPrice: 2.50m, ReorderPoint: 5, ReorderQuantity: 10, MaxLevel: null, Unit: "each",
        Weight: 0.5m, ImageUrl: "https://example.test/w.png", IsActive: true, Barcodes: ["4006381333931"],
        CaseBarcodes: [new CaseBarcode("10012345678902", 12)], Version: null);

    private static string[] FieldsOf(ProductRequest r) => [.. ProductRules.Check(r).Select(e => e.Field).Distinct()];

    [Fact]
    public void Check_ValidProduct_NoErrors() => Assert.Empty(ProductRules.Check(Valid));

    [Fact]
    public void Check_BadGtinCheckDigit_BarcodesError()
    {
        var error = Assert.Single(ProductRules.Check(Valid with { Barcodes = ["4006381333932"] }));
        Assert.Equal(("barcodes", "'4006381333932' looks like an EAN/UPC/GTIN but its check digit is wrong."), (error.Field, error.Message));
    }

    [Fact]
    public void Check_BadCaseGtin_CaseBarcodesError() =>
        Assert.Equal(["caseBarcodes"], FieldsOf(Valid with { CaseBarcodes = [new CaseBarcode("10012345678903", 12)] }));

    [Fact]
    public void Check_DigitsOfOtherLength_NotReadAsGtin() => Assert.Empty(ProductRules.Check(Valid with { Barcodes = ["12345"] }));

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000_000)]
    public void Check_PriceOutOfRange_Refused(decimal price)
    {
        Assert.Equal(["costPrice"], FieldsOf(Valid with { CostPrice = price }));
        Assert.Equal(["sellingPrice"], FieldsOf(Valid with { SellingPrice = price }));
    }

    [Fact]
    public void Check_TooManyDecimals_Refused()
    {
        Assert.Equal(["costPrice"], FieldsOf(Valid with { CostPrice = 1.23456m }));
        Assert.Equal(["sellingPrice"], FieldsOf(Valid with { SellingPrice = 1.234m }));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1_000_000.1)]
    public void Check_WeightOutOfRange_Refused(decimal weight) => Assert.Equal(["weight"], FieldsOf(Valid with { Weight = weight }));

    [Theory]
    [InlineData("ftp://example.test/w.png")]
    [InlineData("not a url")]
    public void Check_ImageUrlNotHttp_Refused(string url) => Assert.Equal(["imageUrl"], FieldsOf(Valid with { ImageUrl = url }));

    [Fact]
    public void Check_UnknownUnit_RefusedAndNamesTheUnits()
    {
        var error = Assert.Single(ProductRules.Check(Valid with { Unit = "furlong" }));
        Assert.Equal("unit", error.Field);
        Assert.All(Units.All, u => Assert.Contains(u, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingSkuAndName_BothRequired() =>
        Assert.Equal(["sku", "name"], FieldsOf(Valid with { Sku = " ", Name = null }));

    [Fact]
    public void Check_SkuWithSpaces_Refused() => Assert.Equal(["sku"], FieldsOf(Valid with { Sku = "A B" }));

    [Fact]
    public void Check_NegativeReorderFields_Refused() =>
        Assert.Equal(["reorderPoint", "reorderQuantity", "maxLevel"], FieldsOf(Valid with { ReorderPoint = -1, ReorderQuantity = -1, MaxLevel = -1 }));

    [Fact]
    public void Check_AttributesNotAnObject_Refused() =>
        Assert.Equal(["attributes"], FieldsOf(Valid with { Attributes = JsonDocument.Parse("[1]").RootElement.Clone() }));

    [Fact]
    public void Check_SameBarcodeTwice_Refused() =>
        Assert.Equal(["barcodes"], FieldsOf(Valid with { Barcodes = ["4006381333931"], CaseBarcodes = [new CaseBarcode(" 4006381333931", 6)] }));

    [Theory]
    [InlineData(1)]
    [InlineData(100_001)]
    public void Check_PackQuantityOutOfRange_Refused(int pack) =>
        Assert.Equal(["caseBarcodes"], FieldsOf(Valid with { CaseBarcodes = [new CaseBarcode("10012345678902", pack)] }));

    [Fact]
    public void Check_BarcodeWithSpace_Refused() => Assert.Equal(["barcodes"], FieldsOf(Valid with { Barcodes = ["AB CD"] }));
}
