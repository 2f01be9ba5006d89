using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Sync;

namespace Inventory.Cloud.Tests.Infrastructure;

/// <summary>Speaks the sync protocol to the cloud as a box would, for tests of the cloud side on its own.</summary>
public sealed class SiteClient(CloudHost cloud, string site, string credential) : IDisposable
{
    private readonly HttpClient _http = Create(cloud.BaseAddress, site, credential);

    public string Site { get; } = site;

    public static HttpClient Create(Uri baseAddress, string site, string credential)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(SyncProtocol.AuthorizationScheme,
            SyncProtocol.AuthorizationValue(site, credential));
        http.DefaultRequestHeaders.Add(SyncProtocol.VersionHeader, SyncProtocol.Version.ToString());
        return http;
    }

    public async Task<HttpResponseMessage> PushAsync(PushBatch batch, bool gzip = true)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(batch, SyncJson.Default.PushBatch);
        HttpContent content;
        if (gzip)
        {
            var buffer = new MemoryStream();
            await using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(json);
            }

            content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ByteArrayContent(json);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _http.PostAsync(SyncProtocol.PushPath, content);
    }

    public async Task<PushAck> PushOkAsync(PushBatch batch)
    {
        var response = await PushAsync(batch);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize(body, SyncJson.Default.PushAck)!;
    }

    public async Task<ChangePage> PullAsync(long after, int wait = 0)
    {
        var response = await _http.GetAsync($"{SyncProtocol.ChangesPath}?after={after}&limit=1000&wait={wait}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize(body, SyncJson.Default.ChangePage)!;
    }

    public async Task<List<ChangeRecord>> PullAllAsync()
    {
        var all = new List<ChangeRecord>();
        var page = await PullAsync(0);
        all.AddRange(page.Changes);
        while (page.More)
        {
            page = await PullAsync(page.Next);
            all.AddRange(page.Changes);
        }

        return all;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Builds the records a box would send.</summary>
public static class Batches
{
    private static long _clock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static string Stamp(string node) => HybridLogicalClock.Format(Interlocked.Increment(ref _clock), 0, node);

    public static ChangeRecord Location(long seq, string site, Guid id, string code, string? baseHlc = null) =>
        new(seq, ChangeKinds.Location, id, Stamp(site), baseHlc,
            SyncJson.ToElement(new LocationRecord(id, code, "Loc " + code, "warehouse", null, true, null, false, site)));

    public static ChangeRecord Product(long seq, string node, Guid id, string sku, string name, string? baseHlc) =>
        new(seq, ChangeKinds.Product, id, Stamp(node), baseHlc,
            SyncJson.ToElement(new ProductRecord(id, sku, name, null, null, null, null, 1.5m, 3m, 5, 10, null, "each", null, null, true,
                [new BarcodeRecord("BC-" + sku, "unit", 1)], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)));

    public static MovementRecord Receive(long seq, Guid product, Guid location, long quantity, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), seq, "receive", product, location, "", "", null, quantity, 0, 1.25m, null, null, null, null,
            null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    public static PushBatch Of(string site, long after, IReadOnlyList<MovementRecord> movements, IReadOnlyList<ChangeRecord>? changes = null) =>
        new(site, after, movements.Count == 0 ? after : movements.Max(m => m.Seq),
            (changes ?? []).Count == 0 ? 0 : changes!.Min(c => c.Seq) - 1, (changes ?? []).Count == 0 ? 0 : changes!.Max(c => c.Seq),
            movements, changes ?? [], 0, DateTimeOffset.UtcNow);
}
