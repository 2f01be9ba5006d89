using Inventory.Edge.Features.Catalog;

namespace Inventory.Edge.Tests.Catalog;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("hammer", "hammer", 0)]
    [InlineData("hamer", "hammer", 1)]
    [InlineData("hmamer", "hammer", 1)]
    [InlineData("hammre", "hammer", 1)]
    [InlineData("hxmmer", "hammer", 1)]
    [InlineData("screwdriver", "sterwdriver", 2)]
    [InlineData("abc", "xyz", 3)]
    public void EditDistance_CountsEditsUpToTheLimit(string a, string b, int expected) =>
        Assert.Equal(expected, SearchTerms.EditDistance(a, b, 2));

    [Fact]
    public void Corrections_ClosestFirstWithinAllowance()
    {
        var vocabulary = new[] { "hammer", "hammers", "hamper", "summer", "ham" };

        var near = SearchTerms.Corrections("hamer", vocabulary);

        Assert.Equal(["hammer", "hamper"], near.Take(2));
        Assert.DoesNotContain("summer", near);
    }

    [Fact]
    public void Queries_QuoteUserText_SoNothingIsSyntax()
    {
        var words = SearchTerms.Words("\"a\" OR NEAR(bbb*");

        var match = SearchTerms.AllWords(words);

        Assert.DoesNotContain("NEAR(", match.Replace("\"near\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(words, w => Assert.Contains($"\"{w}\"", match, StringComparison.Ordinal));
    }
}
