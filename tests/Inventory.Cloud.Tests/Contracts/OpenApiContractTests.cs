using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Testing;

namespace Inventory.Cloud.Tests.Contracts;

/// <summary>The cloud's HTTP contract is docs/contracts/openapi/cloud.json: a change to it is a deliberate, reviewed one.</summary>
public sealed class OpenApiContractTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task ServedDocument_MatchesCheckedInCopy()
    {
        var document = await ReadDocumentAsync();

        var difference = OpenApiContract.Check(document, "cloud.json");

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
        using var client = cloud.Anonymous();
        return await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
    }
}
