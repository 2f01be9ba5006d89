using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;

namespace Inventory.Edge.Features.Integrity;

/// <summary>`Inventory.Edge check-integrity`: the check from a shell, against the configured data dir; exit 0 clean, 1 differences, 2 no database.</summary>
public static class IntegrityCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var database = services.GetRequiredService<EdgeDatabase>();
        var path = Path.Combine(database.DataDir, "inventory.db");
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"No database at {path}.");
            return 2;
        }

        var report = await services.GetRequiredService<IntegrityCheck>().RunAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
        return report.Ok ? 0 : 1;
    }
}
