using Inventory.Barcodes;
using Inventory.Barcodes.Gs1;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;

namespace Inventory.Edge.Features.ScanImage;

public sealed record Gs1ElementView(string Ai, string Title, string Value);

/// <summary>GS1 fields of a decoded code, as the scan processing reads them.</summary>
public sealed record Gs1View(
    string HumanReadable,
    IReadOnlyList<Gs1ElementView> Elements,
    string? Gtin,
    string? Sscc,
    string? ContentGtin,
    string? Batch,
    string? Serial,
    DateOnly? ProductionDate,
    DateOnly? BestBefore,
    DateOnly? Expiry,
    int? Count,
    int? VariableCount,
    decimal? NetWeightKg)
{
    public static Gs1View From(Gs1ElementString gs1) => new(
        gs1.ToHumanReadable(),
        [.. gs1.Elements.Select(e => new Gs1ElementView(e.Code, e.Title, e.Value))],
        gs1.Gtin, gs1.Sscc, gs1.ContentGtin, gs1.Batch, gs1.Serial, gs1.ProductionDate, gs1.BestBefore, gs1.Expiry,
        gs1.Count, gs1.VariableCount, gs1.NetWeightKg);
}

/// <summary>
/// One decoded code: ZXing's format name and the text exactly as decoded (a GS1 DataMatrix starts with GS,
/// a GS1-128 with "]C1"), plus the normalised GTIN-14 of a retail code and the fields of a GS1 one.
/// </summary>
public sealed record ScannedCode(string Format, string Text, string? Gtin14, Gs1View? Gs1, string? Error);

public sealed record ScanImageResult(IReadOnlyList<ScannedCode> Codes);

public static class ScanImageEndpoints
{
    public const long MaxImageBytes = 10L * 1024 * 1024;

    private static readonly SemaphoreSlim DecodeSlots = new(2, 2);

    public static void MapScanImageApi(this WebApplication app)
    {
        app.MapPost("/api/scan/image", Decode).RequirePermission(Permission.Scan)
            .WithTags("Scanning")
            .WithName("DecodeScanImage")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Decode the 1D and 2D barcodes in a photo (multipart field `image`, PNG or JPEG, at most 10 MB).");
    }

    private static async Task<Results<Ok<ScanImageResult>, ProblemHttpResult>> Decode(HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        // Room for the multipart framing around a 10 MB image; anything larger stops at Kestrel with 413.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxImageBytes + (64 * 1024);
        }

        if (!http.Request.HasFormContentType)
        {
            return Problems.BadRequest("Send the image as multipart/form-data in a field named 'image'.");
        }

        IFormFile? file;
        try
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            file = form.Files.GetFile("image");
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest("The upload is not a readable multipart form: " + e.Message);
        }

        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("The form has no image in a field named 'image'.");
        }

        if (file.Length > MaxImageBytes)
        {
            return TypedResults.Problem("The image is larger than 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        IReadOnlyList<DecodedCode> decoded;
        // Two at a time: each costs up to ~100 MB and a core for a second; more would only queue on two cores.
        await DecodeSlots.WaitAsync(cancellationToken);
        try
        {
            // CPU-bound for up to a second on a large photo: off the request thread's pool slot.
            decoded = await Task.Run(() => ImageDecoder.Decode(bytes), cancellationToken);
        }
        catch (ImageDecoder.UnreadableImageException e)
        {
            return Problems.BadRequest(e.Message);
        }
        finally
        {
            DecodeSlots.Release();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var codes = decoded.Select(d =>
        {
            var scan = ScanCode.Parse(d.Text, today);
            return new ScannedCode(d.Format, d.Text, scan.Gtin14, scan.Gs1 is { } gs1 ? Gs1View.From(gs1) : null, scan.Error);
        }).ToList();
        return TypedResults.Ok(new ScanImageResult(codes));
    }
}
