using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Infrastructure;

/// <summary>
/// The real cloud (Kestrel on a free loopback port) on a database of its own in the real PostgreSQL the
/// tests start (or the one INVENTORY_TEST_POSTGRES names). Can be stopped and started again on the same
/// database, as a restarted or crashed cloud would be.
/// </summary>
public sealed class CloudHost : IAsyncLifetime
{
    public const string AdminPassword = "cloud-admin-password-1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private WebApplication? _app;
    private readonly string _logDir = Path.Combine(Path.GetTempPath(), "inventory-cloud-tests", Guid.NewGuid().ToString("N"));

    /// <summary>False: the cloud starts without Inventory:Bootstrap:AdminPassword and makes one up.</summary>
    public bool ConfiguredAdminPassword { get; init; } = true;

    public string LogDir => _logDir;

    public string SecretsDir => Path.Combine(_logDir, "secrets");

    public string ConnectionString { get; private set; } = "";

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The port to keep across restarts, so edges configured with the address find it again.</summary>
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        ConnectionString = await server.CreateDatabaseAsync("cloud");
        await StartAsync();
    }

    public async Task StartAsync()
    {
        List<string> args =
        [
            $"--urls=http://127.0.0.1:{Port}",
            $"--ConnectionStrings:Inventory={ConnectionString}",
            $"--Inventory:LogDir={_logDir}",
            $"--Inventory:SecretsDir={SecretsDir}",
            $"--Inventory:Auth:SigningKey={Convert.ToBase64String(new byte[48])}",
            "--Serilog:MinimumLevel:Default=Warning",
        ];
        if (ConfiguredAdminPassword)
        {
            args.Add($"--Inventory:Bootstrap:AdminPassword={AdminPassword}");
        }

        _app = CloudApp.Build([.. args]);
        await _app.StartAsync();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        BaseAddress = address;
        Port = address.Port;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_logDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public Task<HttpClient> ClientAsync(string username = "admin", string password = AdminPassword) =>
        TokenClients.SignInAsync(BaseAddress, username, password);

    /// <summary>A new site; its credential.</summary>
    public async Task<string> AddSiteAsync(string code)
    {
        using var admin = await ClientAsync();
        var response = await admin.PostAsJsonAsync("/api/sites", new { code, name = "Site " + code });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credential").GetString()!;
    }
}
