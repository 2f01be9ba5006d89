namespace Inventory.Barcodes.Tests;

public sealed class ScanCodeTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData("4006381333931", "04006381333931")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("96385074", "00000096385074")]
    [InlineData("14006381333938", "14006381333938")]
    [InlineData("]E04006381333931", "04006381333931")]
    [InlineData("4006381333931\r\n", "04006381333931")]
    public void Parse_PlainGtin_NormalisedToGtin14(string raw, string gtin14)
    {
        var code = ScanCode.Parse(raw, Today);

        Assert.Equal(ScanCodeKind.Gtin, code.Kind);
        Assert.Equal(gtin14, code.Gtin14);
        Assert.Equal(raw, code.Raw);
        Assert.True(code.IsValid);
    }

    [Theory]
    [InlineData("HMR-16")]
    [InlineData("4006381333932")]
    [InlineData("12345")]
    [InlineData("]C0SKU-123")]
    [InlineData("0112345678901234567")]
    public void Parse_Other_IsPlainCode(string raw)
    {
        var code = ScanCode.Parse(raw, Today);

        Assert.Equal(ScanCodeKind.Plain, code.Kind);
        Assert.Null(code.Gtin14);
        Assert.True(code.IsValid);
    }

    [Fact]
    public void Parse_PlainWithIdentifier_TextHasNoIdentifier()
    {
        Assert.Equal("SKU-123", ScanCode.Parse("]C0SKU-123", Today).Text);
    }

    [Theory]
    [InlineData("(01)09506000134352(17)201225(10)ABC123")]
    [InlineData("]C101095060001343521720122510ABC123")]
    [InlineData("\u001D01095060001343521720122510ABC123")]
    [InlineData("01095060001343521720122510ABC123")]
    public void Parse_Gs1_GivesFieldsAndItemGtin(string raw)
    {
        var code = ScanCode.Parse(raw, Today);

        Assert.Equal(ScanCodeKind.Gs1, code.Kind);
        Assert.True(code.IsValid, code.Error);
        Assert.Equal("09506000134352", code.Gtin14);
        Assert.Equal("ABC123", code.Gs1!.Batch);
        Assert.Equal(new DateOnly(2020, 12, 25), code.Gs1.Expiry);
    }

    [Fact]
    public void Parse_Gs1Logistic_ItemGtinIsContent()
    {
        var code = ScanCode.Parse("(00)106141411234567897(02)10614141000415(37)24", Today);

        Assert.Equal("10614141000415", code.Gtin14);
        Assert.Equal(24, code.Gs1!.Quantity);
    }

    [Theory]
    [InlineData("]C10109506000134353", "GS1: bad check digit in (01)")]
    [InlineData("(01)09506000134353", "GS1: bad check digit in (01)")]
    [InlineData("(23)1", "GS1: unknown AI (23)")]
    public void Parse_BrokenGs1_KeepsKindWithError(string raw, string error)
    {
        var code = ScanCode.Parse(raw, Today);

        Assert.Equal(ScanCodeKind.Gs1, code.Kind);
        Assert.False(code.IsValid);
        Assert.Equal(error, code.Error);
        Assert.Null(code.Gs1);
    }

    [Fact]
    public void Parse_Empty_IsInvalidPlain()
    {
        var code = ScanCode.Parse("  \r\n", Today);

        Assert.Equal(ScanCodeKind.Plain, code.Kind);
        Assert.False(code.IsValid);
    }
}
