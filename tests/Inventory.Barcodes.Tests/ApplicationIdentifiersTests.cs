using Inventory.Barcodes.Gs1;

namespace Inventory.Barcodes.Tests;

public sealed class ApplicationIdentifiersTests
{
    [Fact]
    public void All_NoCodeIsPrefixOfAnother_SoRawDataNeedsNoBrackets()
    {
        var codes = ApplicationIdentifiers.All.Select(a => a.Code).ToList();

        foreach (var code in codes)
        {
            var longer = codes.Where(c => c != code && c.StartsWith(code, StringComparison.Ordinal)).ToList();
            Assert.True(longer.Count == 0, $"({code}) is a prefix of {string.Join(", ", longer)}");
        }
    }

    [Theory]
    [InlineData("00", 18, true)]
    [InlineData("01", 14, true)]
    [InlineData("02", 14, true)]
    [InlineData("11", 6, true)]
    [InlineData("15", 6, true)]
    [InlineData("17", 6, true)]
    [InlineData("3103", 6, true)]
    [InlineData("10", 20, false)]
    [InlineData("21", 20, false)]
    [InlineData("30", 8, false)]
    [InlineData("37", 8, false)]
    [InlineData("422", 3, false)]
    public void Find_RequiredAis_HaveGs1Lengths(string code, int maxLength, bool predefined)
    {
        var ai = ApplicationIdentifiers.Find(code);

        Assert.NotNull(ai);
        Assert.Equal(maxLength, ai.MaxLength);
        Assert.Equal(predefined, ApplicationIdentifiers.HasPredefinedLength(ai));
    }
}
