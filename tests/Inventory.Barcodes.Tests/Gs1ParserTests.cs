using Inventory.Barcodes.Gs1;

namespace Inventory.Barcodes.Tests;

/// <summary>The worked examples of the GS1 General Specifications, in each form a scanner may deliver them.</summary>
public sealed class Gs1ParserTests
{
    private const char Gs = '\u001D';
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static Gs1ElementString Valid(string text)
    {
        var result = Gs1Parser.Parse(text, Today);
        Assert.True(result.IsValid, result.Error);
        return result.Value!;
    }

    private static string Error(string text)
    {
        var result = Gs1Parser.Parse(text, Today);
        Assert.False(result.IsValid, $"'{text}' should be refused");
        Assert.Null(result.Value);
        return result.Error!;
    }

    [Theory]
    [InlineData("(01)09506000134352(17)201225(10)ABC123")]
    [InlineData("01095060001343521720122510ABC123")]
    [InlineData("]C101095060001343521720122510ABC123")]
    [InlineData("]d2\u001D01095060001343521720122510ABC123")]
    [InlineData("]Q3\u001D01095060001343521720122510ABC123")]
    [InlineData("\u001D01095060001343521720122510ABC123\r\n")]
    public void Parse_GtinExpiryLot_ReadsEveryForm(string text)
    {
        var gs1 = Valid(text);

        Assert.Equal("09506000134352", gs1.Gtin);
        Assert.Equal(new DateOnly(2020, 12, 25), gs1.Expiry);
        Assert.Equal("ABC123", gs1.Batch);
        Assert.Equal("(01)09506000134352(17)201225(10)ABC123", gs1.ToHumanReadable());
        Assert.Equal(["01", "17", "10"], gs1.Elements.Select(e => e.Code));
    }

    [Fact]
    public void Parse_VariableLengthFollowedByGs_EndsAtSeparator()
    {
        var gs1 = Valid($"010950600013435210ABC123{Gs}17201225{Gs}21SER-9");

        Assert.Equal("ABC123", gs1.Batch);
        Assert.Equal(new DateOnly(2020, 12, 25), gs1.Expiry);
        Assert.Equal("SER-9", gs1.Serial);
    }

    [Fact]
    public void Parse_Sscc_ChecksAndReads()
    {
        Assert.Equal("106141411234567897", Valid("(00)106141411234567897").Sscc);
        Assert.Equal("106141411234567897", Valid("00106141411234567897").Sscc);
    }

    [Fact]
    public void Parse_NetWeight3103_AppliesImpliedDecimals()
    {
        var gs1 = Valid("(01)10614141000415(3103)000189");

        Assert.Equal(0.189m, gs1.NetWeightKg);
        Assert.Equal("NET WEIGHT (kg)", gs1.Find("3103")!.Title);
        Assert.Equal(0.189m, Valid("0110614141000415" + "3103000189").NetWeightKg);
    }

    [Fact]
    public void Parse_LogisticUnit_ReadsContentAndCount()
    {
        var gs1 = Valid($"00106141411234567897" + "0210614141000415" + $"3712{Gs}10LOT-1");

        Assert.Equal("10614141000415", gs1.ContentGtin);
        Assert.Equal("10614141000415", gs1.ItemGtin);
        Assert.Equal(12, gs1.Count);
        Assert.Equal(12, gs1.Quantity);
        Assert.Equal("LOT-1", gs1.Batch);
    }

    [Fact]
    public void Parse_VariableCountLast_NeedsNoSeparator()
    {
        var gs1 = Valid("(01)09506000134352(30)25");

        Assert.Equal(25, gs1.VariableCount);
        Assert.Equal(25, gs1.Quantity);
    }

    [Theory]
    [InlineData("(17)240200", 2024, 2, 29)]
    [InlineData("(17)250200", 2025, 2, 28)]
    [InlineData("(15)261100", 2026, 11, 30)]
    [InlineData("(11)261231", 2026, 12, 31)]
    public void Parse_DayZero_MeansLastDayOfMonth(string text, int year, int month, int day)
    {
        var element = Valid(text).Elements[0];

        Assert.Equal(new DateOnly(year, month, day), element.Date);
    }

    [Theory]
    [InlineData("(17)751231", 2075)]
    [InlineData("(17)761231", 2076)]
    [InlineData("(17)771231", 1977)]
    [InlineData("(17)991231", 1999)]
    [InlineData("(17)000101", 2000)]
    public void Parse_TwoDigitYear_TakesCenturyPerGs1Rule(string text, int year)
    {
        Assert.Equal(year, Valid(text).Expiry!.Value.Year);
    }

    [Theory]
    [InlineData("(01)09506000134353", "GS1: bad check digit in (01)")]
    [InlineData("0109506000134353", "GS1: bad check digit in (01)")]
    [InlineData("(00)106141411234567898", "GS1: bad check digit in (00)")]
    [InlineData("(02)10614141000416(37)5", "GS1: bad check digit in (02)")]
    public void Parse_BadCheckDigit_Refused(string text, string error)
    {
        Assert.Equal(error, Error(text));
    }

    [Theory]
    [InlineData("(23)12345", "GS1: unknown AI (23)")]
    [InlineData("0109506000134352" + "2312345", "GS1: unknown AI (23)")]
    [InlineData("(3106)000189", "GS1: unknown AI (3106)")]
    [InlineData("(0A)1", "GS1: bad AI (0A)")]
    public void Parse_UnassignedAi_Refused(string text, string error)
    {
        Assert.Equal(error, Error(text));
    }

    [Theory]
    [InlineData("(99)ANY-internal.text")]
    [InlineData("(91)X")]
    [InlineData("(90)1234")]
    public void Parse_CompanyInternalAi_KeptAsOpaqueText(string text)
    {
        var element = Valid(text).Elements[0];

        Assert.Equal(text[4..], element.Value);
        Assert.True(element.Ai.IsInternal);
    }

    [Fact]
    public void Parse_InternalAiBetweenOthers_EndsAtSeparator()
    {
        var gs1 = Valid($"0109506000134352" + $"99shelf-7{Gs}10L1");

        Assert.Equal("shelf-7", gs1.Value("99"));
        Assert.Equal("L1", gs1.Batch);
    }

    [Theory]
    [InlineData("(01)0950600013435", "GS1: (01) needs 14 digits")]
    [InlineData("(01)095060001343521", "GS1: (01) needs 14 digits")]
    [InlineData("01095060", "GS1: (01) needs 14 digits")]
    [InlineData("(17)20122", "GS1: (17) needs 6 digits")]
    [InlineData("(10)ABCDEFGHIJKLMNOPQRSTU", "GS1: (10) longer than 20")]
    [InlineData("(30)123456789", "GS1: (30) longer than 8")]
    [InlineData("(10)", "GS1: (10) is empty")]
    public void Parse_WrongLength_Refused(string text, string error)
    {
        Assert.Equal(error, Error(text));
    }

    [Theory]
    [InlineData("(17)201332", "GS1: bad date in (17)")]
    [InlineData("(17)210230", "GS1: bad date in (17)")]
    [InlineData("(15)201300", "GS1: bad date in (15)")]
    [InlineData("(11)20A225", "GS1: (11) must be digits")]
    public void Parse_InvalidDate_Refused(string text, string error)
    {
        Assert.Equal(error, Error(text));
    }

    [Theory]
    [InlineData("0109506000134352" + "10ABCDEFGHIJKL" + "17201225" + "21123", "GS1: (10) too long, GS missing?")]
    [InlineData("0109506000134352" + "3012" + "10AB", "GS1: (30) not digits, GS missing?")]
    [InlineData("0109506000134352" + "3012" + "10ABC123", "GS1: (30) too long, GS missing?")]
    public void Parse_MissingSeparator_Refused(string text, string error)
    {
        Assert.Equal(error, Error(text));
    }

    [Theory]
    [InlineData("", "GS1: no data")]
    [InlineData("]C1", "GS1: no data")]
    [InlineData("(10)AB~C", "GS1: bad character in (10)")]
    [InlineData("(10)A(17)201225(10)B", "GS1: (10) twice, different data")]
    [InlineData("01095060001343521720122510ABC\u0001", "GS1: bad character in (10)")]
    public void Parse_Malformed_Refused(string text, string error)
    {
        Assert.Equal(error, Error(text));
    }

    [Fact]
    public void Parse_BracketInsideLot_IsData()
    {
        Assert.Equal("A(1)B", Valid("(10)A(1)B(17)201225").Batch);
    }

    [Fact]
    public void Parse_ErrorMessages_FitASmallScreen()
    {
        var errors = new[]
        {
            Error("(01)09506000134353"), Error("(23)1"), Error("0109506000134352" + "10ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            Error("(10)AB~C"), Error("xyz-not-gs1-at-all-and-long"),
        };

        Assert.All(errors, e => Assert.True(e.Length <= 40, $"'{e}' is {e.Length} characters"));
    }

    [Fact]
    public void Build_FixedThenVariable_NeedsNoSeparator()
    {
        var result = Gs1Parser.Build([("01", "09506000134352"), ("17", "201225"), ("10", "ABC123")], Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("01095060001343521720122510ABC123", result.Value!.ToBarcodeData());
        Assert.Equal("(01)09506000134352(17)201225(10)ABC123", result.Value.ToHumanReadable());
    }

    [Fact]
    public void Build_VariableBeforeOthers_InsertsGs()
    {
        var result = Gs1Parser.Build([("10", "ABC"), ("17", "201225"), ("21", "7")], Today);

        Assert.Equal($"10ABC{Gs}1720122521" + "7", result.Value!.ToBarcodeData());
        Assert.Equal("ABC", Valid(result.Value.ToBarcodeData()).Batch);
    }

    [Theory]
    [InlineData("01", "123", "GS1: (01) needs 14 digits")]
    [InlineData("10", "ABCDEFGHIJKLMNOPQRSTU", "GS1: (10) longer than 20")]
    [InlineData("10", "A B", "GS1: bad character in (10)")]
    [InlineData("23", "1", "GS1: unknown AI (23)")]
    public void Build_BadElement_Refused(string ai, string value, string error)
    {
        Assert.Equal(error, Gs1Parser.Build([(ai, value)], Today).Error);
    }
}
