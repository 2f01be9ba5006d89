using System.Net;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Sync;

public sealed class SyncStatusTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Status_WithoutCloud_DisabledWithTheContractFields()
    {
        using var client = await edge.ClientAsync();

        var status = await client.StatusAsync();

        Assert.False(status.GetProperty("enabled").GetBoolean());
        foreach (var field in new[] { "lastPushAt", "lastPullAt", "pendingChanges", "lastError", "lagSeconds", "nextAttemptAt", "quarantined" })
        {
            Assert.True(status.TryGetProperty(field, out _), $"missing {field}: {status}");
        }

        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task Status_StaffMayNotReadIt()
    {
        using var staff = await edge.ClientForRoleAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/sync/status")).StatusCode);
    }
}

/// <summary>The cloud's address is a closed port: the agent fails and backs off, the box goes on working.</summary>
public sealed class SyncUnreachableTests : IAsyncLifetime
{
    private readonly EdgeHost _edge = new();

    public Task InitializeAsync()
    {
        _edge.Settings["Inventory:Cloud:Url"] = $"http://127.0.0.1:{ClosedPort()}";
        _edge.Settings["Inventory:Cloud:Credential"] = "not-a-real-secret";
        return _edge.InitializeAsync();
    }

    public Task DisposeAsync() => _edge.DisposeAsync();

    [Fact]
    public async Task Status_CloudDown_ErrorPendingAndNextAttempt_MovementsStillRecorded()
    {
        using var client = await _edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.ReceiveAsync(product, location, 2);
        }

        var status = await client.StatusUntilAsync(s => s.GetProperty("lastError").ValueKind == JsonValueKind.String
            && s.GetProperty("nextAttemptAt").ValueKind == JsonValueKind.String);

        Assert.True(status.GetProperty("enabled").GetBoolean());
        Assert.Equal(3 + 2, status.GetProperty("pendingChanges").GetInt64());
        Assert.Equal(3, status.GetProperty("pendingMovements").GetInt64());
        Assert.True(status.GetProperty("lagSeconds").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastPushAt").ValueKind);
        Assert.True(status.GetProperty("nextAttemptAt").GetDateTimeOffset() > status.GetProperty("lastErrorAt").GetDateTimeOffset());
        Assert.DoesNotContain("not-a-real-secret", status.GetRawText(), StringComparison.Ordinal);

        await client.ReceiveAsync(product, location, 1);
        Assert.Equal(7, await client.QuantityAsync(product, location));
        Assert.Equal(4, (await client.StatusAsync()).GetProperty("pendingMovements").GetInt64());
    }

    // Reserved for this test process and never bound: nothing else can start answering on it.
    private static int ClosedPort() => FreePorts.Take();
}
