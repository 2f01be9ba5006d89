using Xunit;

namespace Inventory.Testing;

/// <summary>
/// A host's HTTP contract is its checked-in OpenAPI document: each host's test class derives from this one with
/// its own running host, so both hosts are held to the same two checks.
/// </summary>
public abstract class OpenApiContractTests(string fileName)
{
    [Fact]
    public async Task ServedDocument_MatchesCheckedInCopy()
    {
        var document = await ReadDocumentAsync();

        var difference = OpenApiContract.Check(document, fileName);

        if (difference is not null)
        {
            throw new OpenApiContractException(difference);
        }
    }

    [Fact]
    public async Task EveryOperation_HasNameSummaryAndDescribedSuccess()
    {
        var document = await ReadDocumentAsync();

        var undescribed = OpenApiContract.UndescribedOperations(document);

        if (undescribed.Count != 0)
        {
            throw new OpenApiContractException("Operations that do not say what they answer:\n" + string.Join("\n", undescribed));
        }
    }

    /// <summary>A client of the running host, not signed in.</summary>
    protected abstract HttpClient Anonymous();

    private async Task<string> ReadDocumentAsync()
    {
        using var client = Anonymous();
        return await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
    }
}

public sealed class OpenApiContractException(string message) : Exception(message);
