using Inventory.Domain.Catalog;

namespace Inventory.Domain.Tests;

public sealed class GtinTests
{
    [Theory]
    [InlineData("4006381333931", true)]
    [InlineData("4006381333932", false)]
    [InlineData("036000291452", true)]
    [InlineData("036000291453", false)]
    [InlineData("96385074", true)]
    [InlineData("10012345678902", true)]
    [InlineData("1001234567890", false)]
    [InlineData("40063813339A1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_ChecksLengthDigitsAndCheckDigit(string? code, bool expected) => Assert.Equal(expected, Gtin.IsValid(code));

    [Fact]
    public void ToGtin14_PadsEan13AndUpcA()
    {
        Assert.Equal("04006381333931", Gtin.ToGtin14("4006381333931"));
        Assert.Equal("00036000291452", Gtin.ToGtin14("036000291452"));
    }
}
