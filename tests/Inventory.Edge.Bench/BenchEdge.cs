using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Bench;

/// <summary>
/// The edge under test: started in this process (Kestrel on a free loopback port, a fresh SQLite file in a
/// temp dir, the real migrations) or an already running one given by --url, which must be a loopback
/// address. Either way one shared, signed-in HttpClient reaches it.
/// </summary>
internal sealed class BenchEdge : IAsyncDisposable
{
    public const string DefaultPassword = "bench-admin-password";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication? _app;
    private readonly bool _keepData;
    private readonly string _password;

    private BenchEdge(WebApplication? app, Uri baseAddress, HttpClient http, HttpClient slowHttp, string? dataDir, bool keepData, string password)
    {
        _app = app;
        _password = password;
        BaseAddress = baseAddress;
        Http = http;
        SlowHttp = slowHttp;
        DataDir = dataDir;
        _keepData = keepData;
    }

    public Uri BaseAddress { get; }

    /// <summary>Shared by every simulated client, carrying the admin's bearer token.</summary>
    public HttpClient Http { get; }

    /// <summary>The same connections and token with a long timeout, for calls that may take minutes (the integrity check).</summary>
    public HttpClient SlowHttp { get; }

    /// <summary>The in-process edge's data dir; null against a running edge.</summary>
    public string? DataDir { get; }

    public bool InProcess => _app is not null;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Only an in-process edge has services.");

    /// <summary>The group-commit batch limit the edge runs with, as far as this process can know it.</summary>
    public string MaxBatchDescription(EdgeSettings settings) => _app is not null
        ? _app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value.Ledger.MaxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (settings.MaxBatch is null ? " (the edge's default)" : " (set by --max-batch)")
        : "as configured on the running edge (not visible from here)";

    /// <summary>Starts or finds the edge and signs in as admin.</summary>
    /// <param name="dataDir">
    /// Start the in-process edge on this existing data dir (a stopped edge's, kept with <see cref="EdgeSettings.Keep"/>)
    /// instead of a fresh one; it is then removed with this edge unless the settings keep it.
    /// </param>
    public static async Task<BenchEdge> StartAsync(
        EdgeSettings settings, int maxConnections, CancellationToken cancellationToken, IEnumerable<string>? extraEdgeArgs = null,
        string? dataDir = null)
    {
        WebApplication? app = null;
        Uri baseAddress;
        if (settings.Url is { } url)
        {
            baseAddress = url;
        }
        else
        {
            if (dataDir is not null && !Directory.Exists(dataDir))
            {
                throw new BenchFailure($"The data dir {dataDir} does not exist.");
            }

            dataDir ??= Path.Combine(Path.GetFullPath(settings.DataRoot ?? Path.GetTempPath()), "inventory-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dataDir);
            var edgeArgs = new List<string>
            {
                "--urls=http://127.0.0.1:0",
                $"--contentRoot={AppContext.BaseDirectory}",
                $"--Inventory:DataDir={dataDir}",
                $"--Inventory:Bootstrap:AdminPassword={settings.Password}",
                "--Serilog:MinimumLevel:Default=Warning",
                "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
                "--Inventory:Mqtt:Port=0",
            };
            if (settings.MaxBatch is { } maxBatch)
            {
                edgeArgs.Add($"--Inventory:Ledger:MaxBatch={maxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            // Later arguments win: a command may turn on what the defaults above leave off (the MQTT broker).
            edgeArgs.AddRange(extraEdgeArgs ?? []);
            app = EdgeApp.Build([.. edgeArgs]);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            baseAddress = LoopbackOnly(addresses.Addresses.First());
        }

        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var slow = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var edge = new BenchEdge(app, baseAddress, http, slow, dataDir, settings.Keep, settings.Password);
        try
        {
            await edge.SignInAsync(cancellationToken);
            return edge;
        }
        catch (HttpRequestException ex)
        {
            await edge.DisposeAsync();
            throw new BenchFailure($"Cannot reach the edge at {baseAddress}: {ex.Message}");
        }
        catch
        {
            await edge.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Signs in as admin and gives both clients the new token. Call again when the edge replaced its admin (an edge
    /// wired to a cloud takes the cloud's accounts with its first pull, which ends the local admin's sessions);
    /// not while requests are in flight.
    /// </summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new { username = "admin", password = _password }, options: Json);
        using var response = await Http.PostAsync("/api/auth/token", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchFailure($"Sign-in as admin failed: {(int)response.StatusCode} {body}");
        }

        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        SlowHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Sends a JSON body and returns the parsed answer, failing loudly on an unexpected status.</summary>
    public async Task<JsonElement> SendAsync(
        HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken cancellationToken, bool slow = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await (slow ? SlowHttp : Http).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new BenchFailure($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {Shorten(text)}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Shorten(string text, int max = 300)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..max] + "…";
    }

    public async ValueTask DisposeAsync()
    {
        SlowHttp.Dispose();
        Http.Dispose();
        if (_app is null)
        {
            return;
        }

        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_keepData || DataDir is null)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left for the OS temp cleaner.
        }
    }

    /// <summary>The benchmark fires thousands of requests a second: it may only ever aim them at this machine.</summary>
    internal static Uri LoopbackOnly(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new BenchUsageException($"'{url}' is not an http(s) URL.");
        }

        // Uri.IsLoopback judges the host text alone (localhost, 127.0.0.0/8, ::1): no name lookup is involved.
        if (uri.IsLoopback)
        {
            // localhost may resolve to ::1 or 127.0.0.1 alike; both stay on this machine.
            return uri.Host == "localhost" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
        }

        throw new BenchUsageException($"'{url}' is not a loopback address: the benchmark only targets 127.0.0.1.");
    }
}

/// <summary>The run cannot go on (setup refused, edge unreachable): reported as one line, exit code 2.</summary>
internal sealed class BenchFailure(string message) : Exception(message);

/// <summary>Where the edge comes from: the options every command shares.</summary>
internal sealed record EdgeSettings(Uri? Url, string Password, int? MaxBatch, string? DataRoot, bool Keep)
{
    public static EdgeSettings From(BenchArgs args, bool allowRemote)
    {
        var url = args.Text("url");
        var password = args.Text("password");
        int? maxBatch = args.Has("max-batch") ? args.Int("max-batch", 0, 1, 10_000) : null;
        var dataRoot = args.Text("data-root");
        var keep = args.Flag("keep");
        if (url is null)
        {
            return new EdgeSettings(null, password ?? BenchEdge.DefaultPassword, maxBatch, dataRoot, keep);
        }

        if (!allowRemote)
        {
            throw new BenchUsageException("This command seeds the database directly, so it needs the in-process edge: drop --url.");
        }

        if (maxBatch is not null || dataRoot is not null || keep)
        {
            throw new BenchUsageException("--max-batch, --data-root and --keep apply to the in-process edge only.");
        }

        return new EdgeSettings(
            BenchEdge.LoopbackOnly(url),
            password ?? throw new BenchUsageException("--url needs --password (the running edge's admin password)."),
            null, null, false);
    }
}
