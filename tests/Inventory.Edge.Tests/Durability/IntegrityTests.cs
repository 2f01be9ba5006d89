using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Tests.Durability;

public sealed class IntegrityTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Check_LevelTamperedBehindTheLedgersBack_ReportsTheDifference()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 8, new { bin = "T-1" });
        var clean = await client.PostOkAsync("/api/integrity/check", new { }, HttpStatusCode.OK);
        Assert.True(clean.GetProperty("ok").GetBoolean());

        await ExecuteAsync($"UPDATE stock_levels SET quantity = 80 WHERE product_id = '{product}'");
        var report = await client.PostOkAsync("/api/integrity/check", new { }, HttpStatusCode.OK);
        var exitCode = await RunCommandAsync();
        await ExecuteAsync($"UPDATE stock_levels SET quantity = 8 WHERE product_id = '{product}'");

        Assert.False(report.GetProperty("ok").GetBoolean());
        var difference = report.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("productId").GetGuid() == product);
        Assert.Equal(8, difference.GetProperty("ledgerQuantity").GetInt64());
        Assert.Equal(80, difference.GetProperty("levelQuantity").GetInt64());
        Assert.Equal("T-1", difference.GetProperty("bin").GetString());
        Assert.Equal(1, exitCode);
        var last = await client.GetAsync("/api/integrity/last");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
    }

    [Fact]
    public async Task Command_CleanDatabase_ExitsZeroWithReport()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        await client.ReceiveAsync(await client.CreateProductAsync(), location, 3);

        var exitCode = await RunCommandAsync();

        Assert.Equal(0, exitCode);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(edge.DataDir, "inventory.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs `Inventory.Edge check-integrity` as an installer would, against the test's data dir.</summary>
    private async Task<int> RunCommandAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Inventory.Edge.dll"));
        info.ArgumentList.Add("check-integrity");
        info.ArgumentList.Add($"--Inventory:DataDir={edge.DataDir}");
        info.ArgumentList.Add("--Serilog:MinimumLevel:Default=Warning");
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.True(report.RootElement.TryGetProperty("movements", out _), output);
        return process.ExitCode;
    }
}
