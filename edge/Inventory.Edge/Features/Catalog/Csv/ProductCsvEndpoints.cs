using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Inventory.Edge.Features.Catalog.Csv;

public static class ProductCsvEndpoints
{
    /// <summary>Generous for a catalog (50,000 products with barcodes and descriptions is ~10 MB).</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public sealed record ImportAccepted(Guid JobId, string Status, string StatusUrl);

    public static void MapProductCsvApi(this RouteGroupBuilder products)
    {
        products.MapPost("/bulk-import", Upload).RequirePermission(Permission.ImportCatalog)
            .WithName("ImportProducts")
            .WithSummary("Upload a catalog CSV (multipart field `file`); it imports in the background, see statusUrl.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        products.MapGet("/bulk-import/{jobId:guid}", Status).RequirePermission(Permission.ImportCatalog)
            .WithName("GetProductImport")
            .WithSummary("An import's progress, counts and per-row errors.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        products.MapGet("/export.csv", Export).RequirePermission(Permission.ExportData)
            .WithName("ExportProducts")
            .WithSummary("The catalog as CSV in the import's columns; cost_price only for roles that see costs.")
            .ProducesFiles("text/csv");
    }

    private static async Task<Results<Accepted<ImportAccepted>, ProblemHttpResult>> Upload(HttpContext http, ImportJobs jobs, CancellationToken cancellationToken)
    {
        // Kestrel's default body limit (30 MB) is per server; only this endpoint takes files this large.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Problems.BadRequest("Send the CSV as multipart/form-data in a field named 'file'.");
        }

        var jobId = Guid.CreateVersion7();
        var path = jobs.UploadPath(jobId);
        string? fileName;
        try
        {
            (var found, fileName) = await SaveFileFieldAsync(http.Request.Body, boundary, path, cancellationToken);
            if (!found)
            {
                return Problems.BadRequest("The form has no field named 'file'.");
            }

            if (new FileInfo(path).Length == 0)
            {
                File.Delete(path);
                return Problems.BadRequest("The file is empty.");
            }
        }
        catch (InvalidDataException e)
        {
            File.Delete(path);
            return Problems.BadRequest("The upload is not a readable multipart form: " + e.Message);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        await jobs.EnqueueAsync(jobId, fileName, cancellationToken);
        var statusUrl = $"/api/products/bulk-import/{jobId}";
        return TypedResults.Accepted(statusUrl, new ImportAccepted(jobId, ImportStatuses.Queued, statusUrl));
    }

    /// <summary>Copies the 'file' part straight to disk: the upload is never held in memory, whatever its size.</summary>
    private static async Task<(bool Found, string? FileName)> SaveFileFieldAsync(
        Stream body, string boundary, string path, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = MaxUploadBytes };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
            {
                continue;
            }

            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await section.Body.CopyToAsync(target, cancellationToken);
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            return (true, string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName));
        }

        return (false, null);
    }

    private static Results<Ok<ImportJobView>, ProblemHttpResult> Status(Guid jobId, ImportJobs jobs) =>
        jobs.Find(jobId) is { } job
            ? TypedResults.Ok(job.Snapshot())
            : Problems.NotFound($"No import job {jobId}.");

    private static PushStreamHttpResult Export(HttpContext http, ClaimsPrincipal user, EdgeDbContext db) =>
        TypedResults.Stream(
            body => ProductCsvExport.WriteAsync(body, db, user.Can(Permission.ViewCostPrices), http.RequestAborted),
            "text/csv; charset=utf-8",
            "products.csv");
}
