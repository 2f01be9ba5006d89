using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Inventory.Cloud;
using Inventory.Sync;
using Inventory.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.Edge.Bench;

/// <summary>
/// The real cloud hub in this process (Kestrel on a free loopback port) on a database of its own, in the
/// PostgreSQL that <see cref="PostgresServer"/> starts (or the one INVENTORY_TEST_POSTGRES names). The
/// database is dropped afterwards unless kept; a server started here is removed when the process ends.
/// </summary>
internal sealed class BenchCloud : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PostgresServer _server;
    private readonly string _databaseName;
    private readonly string _logDir;
    private readonly string _password;
    private readonly bool _keep;

    private BenchCloud(WebApplication app, PostgresServer server, string connectionString, string logDir, string password, bool keep, PushTimer pushes)
    {
        _app = app;
        _server = server;
        ConnectionString = connectionString;
        _databaseName = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _logDir = logDir;
        _password = password;
        _keep = keep;
        Pushes = pushes;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public Uri BaseAddress { get; }

    public string ConnectionString { get; }

    /// <summary>Time the cloud spent in push requests, from the first byte of the request to the last of the answer.</summary>
    public PushTimer Pushes { get; }

    /// <summary>Creates the database, starts the cloud (its admin gets <paramref name="adminPassword"/>).</summary>
    public static async Task<BenchCloud> StartAsync(string adminPassword, bool keep, CancellationToken cancellationToken)
    {
        PostgresServer server;
        string connectionString;
        try
        {
            server = await PostgresServer.InstanceAsync();
            connectionString = await server.CreateDatabaseAsync("bench");
        }
        catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException or IOException)
        {
            throw new BenchFailure($"No PostgreSQL for the cloud: {ex.Message}");
        }

        var logDir = Path.Combine(Path.GetTempPath(), "inventory-bench-cloud", Guid.NewGuid().ToString("N"));
        var pushes = new PushTimer();
        var app = CloudApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--ConnectionStrings:Inventory={connectionString}",
                $"--Inventory:Bootstrap:AdminPassword={adminPassword}",
                $"--Inventory:LogDir={logDir}",
                $"--Inventory:Auth:SigningKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))}",
                "--Serilog:MinimumLevel:Default=Warning",
                "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
            ],
            builder => builder.Services.AddSingleton<IStartupFilter>(pushes));
        await app.StartAsync(cancellationToken);
        return new BenchCloud(app, server, connectionString, logDir, adminPassword, keep, pushes);
    }

    /// <summary>A new site; its credential (shown once by the cloud, as to an installer).</summary>
    public async Task<string> AddSiteAsync(string code, CancellationToken cancellationToken)
    {
        using var http = await SignInAsync(cancellationToken);
        using var site = await http.PostAsJsonAsync("/api/sites", new { code, name = "Bench site " + code }, BenchEdge.Json, cancellationToken);
        return (await Answer(site, "POST /api/sites", cancellationToken)).GetProperty("credential").GetString()
            ?? throw new BenchFailure("POST /api/sites answered without a credential.");
    }

    /// <summary>An HTTP client on the cloud signed in as its admin (the caller disposes it).</summary>
    public async Task<HttpClient> SignInAsync(CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using var signIn = await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = _password }, BenchEdge.Json, cancellationToken);
            var token = await Answer(signIn, "Cloud sign-in as admin", cancellationToken);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The settings that wire an edge to this cloud as the site, as an installer would give them.</summary>
    public IEnumerable<string> EdgeArgs(string site, string credential, int pushBatchSize) =>
    [
        $"--Inventory:Site:Code={site}",
        $"--Inventory:Cloud:Url={BaseAddress}",
        $"--Inventory:Cloud:Credential={credential}",
        $"--Inventory:Cloud:PushBatchSize={pushBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    ];

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>The first column of the first row of a query on the cloud's database.</summary>
    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            try
            {
                await using var admin = new NpgsqlConnection(_server.AdminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException ex)
            {
                await Console.Error.WriteLineAsync($"The cloud's database {_databaseName} was left behind: {ex.Message}");
            }
        }

        try
        {
            Directory.Delete(_logDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static async Task<JsonElement> Answer(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new BenchFailure($"{what}: {(int)response.StatusCode} {BenchEdge.Shorten(text)}");
    }
}

/// <summary>
/// Middleware ahead of the cloud's own pipeline that adds up the time spent in push requests (reading and
/// decompressing the body, parsing, validating, applying, committing, answering): the cloud's share of a run.
/// </summary>
internal sealed class PushTimer : IStartupFilter
{
    private long _requests;
    private long _ticks;

    public long Requests => Interlocked.Read(ref _requests);

    public TimeSpan Elapsed => TimeSpan.FromSeconds(Interlocked.Read(ref _ticks) / (double)Stopwatch.Frequency);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != SyncProtocol.PushPath)
            {
                await following(context);
                return;
            }

            var start = Stopwatch.GetTimestamp();
            try
            {
                await following(context);
            }
            finally
            {
                Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
                if (context.Response.StatusCode == (int)HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref _requests);
                }
            }
        });
        next(app);
    };
}
