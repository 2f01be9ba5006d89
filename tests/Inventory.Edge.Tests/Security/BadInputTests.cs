using System.Net;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Security;

/// <summary>Input a probe sent that once answered 500: each gets a clear answer now.</summary>
public sealed class BadInputTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Theory]
    [InlineData("%00")]
    [InlineData("abc%00def")]
    [InlineData("%01%02%1F")]
    [InlineData("%22%00")]
    public async Task ProductSearch_ControlCharacters_AnswersAList(string q)
    {
        using var client = await edge.ClientAsync();

        var response = await client.GetAsync($"/api/products?q={q}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
