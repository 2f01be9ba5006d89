using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Cloud.Tests.Web;

/// <summary>
/// A cloud with two real edges wired to it (NORTH and SOUTH, each with a location), shared by the dashboard tests:
/// starting boxes is the slow part. Each test makes its own products, so none depends on another's stock.
/// </summary>
public sealed class CloudWebFixture : IAsyncLifetime
{
    public CloudHost Cloud { get; } = new();

    public EdgeHost North { get; private set; } = null!;

    public EdgeHost South { get; private set; } = null!;

    public HttpClient NorthAdmin { get; private set; } = null!;

    public HttpClient SouthAdmin { get; private set; } = null!;

    public Guid NorthMain { get; private set; }

    public Guid SouthMain { get; private set; }

    public async Task InitializeAsync()
    {
        await Cloud.InitializeAsync();
        North = await Fleet.StartEdgeAsync(Cloud, "NORTH");
        South = await Fleet.StartEdgeAsync(Cloud, "SOUTH");
        NorthAdmin = await Fleet.AdminAsync(North);
        SouthAdmin = await Fleet.AdminAsync(South);
        NorthMain = await Fleet.LocationAsync(NorthAdmin, "N-MAIN");
        SouthMain = await Fleet.LocationAsync(SouthAdmin, "S-MAIN");
    }

    /// <summary>A product made at the cloud, once it has reached both boxes.</summary>
    public async Task<Guid> ProductAtBothAsync(string sku)
    {
        using var admin = await Cloud.ClientAsync();
        var product = await Fleet.ProductAsync(admin, sku);
        await Fleet.EventuallyAsync(async () => (await NorthAdmin.GetAsync($"/api/products/{product}")).IsSuccessStatusCode
            && (await SouthAdmin.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the product at both boxes");
        return product;
    }

    public async Task DisposeAsync()
    {
        NorthAdmin?.Dispose();
        SouthAdmin?.Dispose();
        if (North is not null)
        {
            await North.DisposeAsync();
        }

        if (South is not null)
        {
            await South.DisposeAsync();
        }

        await Cloud.DisposeAsync();
    }
}
