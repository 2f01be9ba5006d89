using Inventory.Cloud.Tests.Infrastructure;

namespace Inventory.Cloud.Tests.Contracts;

/// <summary>The cloud's HTTP contract is docs/contracts/openapi/cloud.json: a change to it is a deliberate, reviewed one.</summary>
public sealed class OpenApiContractTests(CloudHost cloud) : Inventory.Testing.OpenApiContractTests("cloud.json"), IClassFixture<CloudHost>
{
    protected override HttpClient Anonymous() => cloud.Anonymous();
}
