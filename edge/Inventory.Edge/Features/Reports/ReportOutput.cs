using System.ComponentModel.DataAnnotations;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Inventory.Web.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Reports;

public enum ReportFormat
{
    Json,
    Csv,
    Pdf,
}

/// <summary>The "Inventory:Reports" section.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Inventory:Reports";

    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are (Debian: fonts-dejavu-core).</summary>
    [Required]
    public string FontDirectory { get; set; } = DejaVuFontResolver.DefaultDirectory;
}

/// <summary>
/// Turns a report into the format asked for: its JSON shape, or its table as CSV or PDF. Its answer is the report
/// handler's whole union (the validation problem is the handler's), so a handler returns it as it is.
/// </summary>
public sealed class ReportOutput(IOptions<EdgeOptions> edge, IOptions<ReportsOptions> reports, TimeProvider time)
{
    public static Validation Format(Validation v, string? format, out ReportFormat parsed)
    {
        parsed = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => ReportFormat.Json,
            "csv" => ReportFormat.Csv,
            "pdf" => ReportFormat.Pdf,
            _ => (ReportFormat)(-1),
        };
        return v.Require(Enum.IsDefined(parsed), "format", "'format' is one of json, csv, pdf.");
    }

    public Results<Ok<T>, FileContentHttpResult, ValidationProblem> Send<T>(ReportFormat format, T json, Func<ReportTable> table)
    {
        if (format == ReportFormat.Json)
        {
            return TypedResults.Ok(json);
        }

        var report = table();
        var now = time.GetUtcNow();
        var site = edge.Value.Site;
        var file = $"{report.Name}-{site.Code}-{now.UtcDateTime:yyyyMMdd-HHmm}";
        if (format == ReportFormat.Csv)
        {
            return TypedResults.File(CsvReport.Write(report), "text/csv; charset=utf-8", file + ".csv");
        }

        DejaVuFontResolver.EnsureInstalled(reports.Value.FontDirectory);
        return TypedResults.File(PdfReport.Render(report, site.Code, site.Name, now), "application/pdf", file + ".pdf");
    }

    /// <summary>Location id → code and name, for every report that names locations.</summary>
    internal static async Task<Dictionary<string, (string Code, string Name)>> ReadLocationsAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, code, name FROM locations";
        var locations = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            locations[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return locations;
    }

    internal static async Task<Dictionary<string, (string Code, string Name)>> ReadLocationsAsync(
        EdgeDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadLocationsAsync(connection, cancellationToken);
    }
}
