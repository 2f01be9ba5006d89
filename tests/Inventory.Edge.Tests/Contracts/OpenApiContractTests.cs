using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Contracts;

/// <summary>The edge's HTTP contract is docs/contracts/openapi/edge.json: a change to it is a deliberate, reviewed one.</summary>
public sealed class OpenApiContractTests(EdgeHost edge) : Inventory.Testing.OpenApiContractTests("edge.json"), IClassFixture<EdgeHost>
{
    protected override HttpClient Anonymous() => edge.Anonymous();
}
