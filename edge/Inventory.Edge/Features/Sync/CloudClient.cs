using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inventory.Sync;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Sync;

/// <summary>An answer from the cloud, or why there was none (a message fit for the status page, never the credential).</summary>
public sealed record CloudResult<T>(T? Value, string? Error, int? StatusCode)
    where T : class
{
    public bool Ok => Value is not null;
}

/// <summary>The two calls of the protocol over the named HttpClient that <see cref="SyncServices"/> configures.</summary>
public sealed class CloudClient(IHttpClientFactory factory)
{
    public const string HttpClientName = "inventory-cloud";

    public const int PullLimit = 1000;

    /// <summary>Seconds the cloud may hold a pull open for news; below the client timeout and proxy idle limits.</summary>
    public const int PullWaitSeconds = 25;

    public static void Configure(HttpClient client, CloudOptions cloud, string siteCode)
    {
        client.BaseAddress = cloud.BaseUri();
        // Above the long poll's wait, and enough for a full batch over a slow warehouse uplink.
        client.Timeout = TimeSpan.FromMinutes(2);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            SyncProtocol.AuthorizationScheme, SyncProtocol.AuthorizationValue(siteCode, cloud.Credential ?? ""));
        client.DefaultRequestHeaders.Add(SyncProtocol.VersionHeader, SyncProtocol.Version.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<CloudResult<PushAck>> PushAsync(PreparedPush push, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(push.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, SyncProtocol.PushPath.TrimStart('/')) { Content = content };
        return await SendAsync(request, SyncJson.Default.PushAck, cancellationToken);
    }

    public async Task<CloudResult<ChangePage>> PullAsync(long after, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"{SyncProtocol.ChangesPath.TrimStart('/')}?after={after}&limit={PullLimit}&wait={PullWaitSeconds}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, SyncJson.Default.ChangePage, cancellationToken);
    }

    private async Task<CloudResult<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var client = factory.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new CloudResult<T>(null, await ProblemOfAsync(response, cancellationToken), status);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var value = await JsonSerializer.DeserializeAsync(body, type, cancellationToken);
            return value is null
                ? new CloudResult<T>(null, "The cloud answered with an empty body.", status)
                : new CloudResult<T>(value, null, status);
        }
        catch (HttpRequestException ex)
        {
            return new CloudResult<T>(null, $"Cloud unreachable: {ex.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CloudResult<T>(null, "The cloud did not answer in time.", null);
        }
        catch (JsonException ex)
        {
            return new CloudResult<T>(null, $"The cloud's answer could not be read: {ex.Message}", null);
        }
    }

    /// <summary>"403 Forbidden: title — detail" from an RFC 7807 answer, or the status alone.</summary>
    private static async Task<string> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var prefix = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var doc = JsonDocument.Parse(text);
            var title = doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var parts = new[] { title, detail }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
            return parts.Count == 0 ? prefix : $"{prefix}: {string.Join(" — ", parts)}";
        }
        catch (JsonException)
        {
            return prefix;
        }
    }
}
