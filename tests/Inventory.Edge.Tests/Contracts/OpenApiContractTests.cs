using Inventory.Edge.Tests.Infrastructure;
using Inventory.Testing;

namespace Inventory.Edge.Tests.Contracts;

/// <summary>The edge's HTTP contract is docs/contracts/openapi/edge.json: a change to it is a deliberate, reviewed one.</summary>
public sealed class OpenApiContractTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task ServedDocument_MatchesCheckedInCopy()
    {
        var document = await ReadDocumentAsync();

        var difference = OpenApiContract.Check(document, "edge.json");

        Assert.True(difference is null, difference);
    }

    [Fact]
    public async Task EveryOperation_HasNameSummaryAndDescribedSuccess()
    {
        var document = await ReadDocumentAsync();

        var undescribed = OpenApiContract.UndescribedOperations(document);

        Assert.True(undescribed.Count == 0, "Operations that do not say what they answer:\n" + string.Join("\n", undescribed));
    }

    private async Task<string> ReadDocumentAsync()
    {
        using var client = edge.Anonymous();
        return await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
    }
}
