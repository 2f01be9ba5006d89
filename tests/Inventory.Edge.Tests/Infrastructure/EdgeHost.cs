using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge;
using Inventory.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Infrastructure;

/// <summary>
/// The real edge (Kestrel on a free loopback port, a fresh SQLite file in its own temp dir, the real
/// migrations), reached with a real HttpClient. One per test class; tests make their own products and
/// locations, so none depends on another's data.
/// </summary>
public sealed class EdgeHost : IAsyncLifetime
{
    public const string AdminPassword = "admin-password-1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private WebApplication? _app;
    private bool _started;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "inventory-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public string SiteCode { get; init; } = "WH1";

    /// <summary>False: the box starts without Inventory:Bootstrap:AdminPassword and makes one up.</summary>
    public bool ConfiguredAdminPassword { get; init; } = true;

    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Changes to the host before it is built (e.g. a fake TimeProvider for scheduled work).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Inventory:DataDir={DataDir}",
            $"--Inventory:Site:Code={SiteCode}",
            "--Serilog:MinimumLevel:Default=Warning",
            // The broker is off unless a test asks for it (Settings win): test hosts run side by side.
            "--Inventory:Mqtt:Port=0",
        };
        if (ConfiguredAdminPassword)
        {
            args.Add($"--Inventory:Bootstrap:AdminPassword={AdminPassword}");
        }

        args.AddRange(Settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        _app = EdgeApp.Build([.. args], Configure);
        await _app.StartAsync();
        _started = true;
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            if (_started)
            {
                await _app.StopAsync();
            }

            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left for the OS temp cleaner.
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public Task<HttpClient> ClientAsync(string username = "admin", string password = AdminPassword) =>
        TokenClients.SignInAsync(BaseAddress, username, password);

    /// <summary>A signed-in client for a new user with the role.</summary>
    public async Task<HttpClient> ClientForRoleAsync(string role)
    {
        using var admin = await ClientAsync();
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/users", new { username, password = "password-" + role, role });
        created.EnsureSuccessStatusCode();
        return await ClientAsync(username, "password-" + role);
    }
}
