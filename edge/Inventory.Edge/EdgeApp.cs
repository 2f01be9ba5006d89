using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Features.Auth;
using Inventory.Edge.Features.Catalog;
using Inventory.Edge.Features.Counting;
using Inventory.Edge.Features.Devices;
using Inventory.Edge.Features.Integrity;
using Inventory.Edge.Features.Labels;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Features.Lots;
using Inventory.Edge.Features.Locations;
using Inventory.Edge.Features.Purchasing;
using Inventory.Edge.Features.Realtime;
using Inventory.Edge.Features.ScanImage;
using Inventory.Edge.Features.Reports;
using Inventory.Edge.Features.Mqtt;
using Inventory.Edge.Features.Scanning;
using Inventory.Edge.Features.Sync;
using Inventory.Edge.Features.Transfers;
using Inventory.Edge.Features.Users;
using Inventory.Edge.Features.Web;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Http;
using Inventory.Web.Auth;
using Inventory.Web.Logging;

namespace Inventory.Edge;

/// <summary>Composition of the edge service; tests build the same app with their own settings.</summary>
public static class EdgeApp
{
    public const int DefaultPort = 5080;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Static files sit beside the binaries (the build copies wwwroot there), so the UI works whatever the
        // working directory: under systemd, `dotnet run` or a test host.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls($"http://localhost:{DefaultPort}");
        }

        builder.Host.UseSystemd();
        builder.Services.AddOptions<EdgeOptions>()
            .BindConfiguration(EdgeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Logs go under the data dir, read when the logger is built so every configuration source has been added.
        builder.AddInventoryLogging(_ => Path.Combine(EdgeOptions.DataDirFrom(builder.Configuration), "logs"), "edge");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEdgeHttp(builder.Configuration);
        builder.Services.AddEdgeData(builder.Configuration);
        builder.Services.AddEdgeAuth();
        builder.Services.AddUsers();
        builder.Services.AddCatalog();
        builder.Services.AddLocations();
        builder.Services.AddLedger();
        builder.Services.AddIntegrity();
        builder.Services.AddRealtime();
        builder.Services.AddLabelPrinting();
        builder.Services.AddReports();
        builder.Services.AddAlerts();
        builder.Services.AddDevices();
        builder.Services.AddScanning();
        builder.Services.AddSync();
        builder.Services.AddTransfers();
        builder.Services.AddPurchasing();
        builder.Services.AddCounting();
        builder.Services.AddEdgeWeb();
        builder.AddEdgeMqtt();
        configure?.Invoke(builder);

        var app = builder.Build();
        // Made (or read) now, so an unwritable data dir stops the box at boot rather than at the first sign-in.
        app.Services.GetRequiredService<SigningKey>();
        app.UseEdgeHttp();
        app.UseEdgeWebFiles();
        app.UseAuthentication();
        app.UseInventoryBrowserCsrfCheck();
        app.UseAuthorization();

        app.MapEdgeHealth();
        app.MapTokenApi();
        app.MapUsersApi();
        app.MapCatalogApi();
        app.MapLocationsApi();
        app.MapLedgerApi();
        app.MapIntegrityApi();
        app.MapRealtime();
        app.MapLabelsApi();
        app.MapLabelPrintingApi();
        app.MapScanImageApi();
        app.MapReportsApi();
        app.MapAlertsApi();
        app.MapDevicesApi();
        app.MapScanningApi();
        app.MapSyncApi();
        app.MapSyncConflictsApi();
        app.MapTransfersApi();
        app.MapPurchasingApi();
        app.MapLotsApi();
        app.MapCountingApi();
        app.MapEdgeWeb();
        app.UseEdgeMqtt();
        return app;
    }
}
