using System.Globalization;
using System.Text;
using Inventory.Barcodes.Gs1;
using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Labels;

public static class LabelEndpoints
{
    public static readonly IReadOnlyList<string> Formats = ["zpl", "png", "svg", "pdf"];

    public static void MapLabelsApi(this WebApplication app)
    {
        app.MapGet("/api/products/{id:guid}/label", Get).RequirePermission(Permission.ViewInventory)
            .WithTags("Labels")
            .WithName("GetProductLabel")
            .ProducesFiles("text/plain", "image/png", "image/svg+xml", "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A 4×2 inch product label: format=zpl|png|svg|pdf (default zpl), price=true to show the "
                + "selling price, lot= and/or expiry=yyyy-mm-dd for a lot label with a GS1 DataMatrix.");
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, string? format, bool? price, string? lot, string? expiry,
        EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        format = string.IsNullOrWhiteSpace(format) ? "zpl" : format.Trim().ToLowerInvariant();
        lot = string.IsNullOrWhiteSpace(lot) ? null : lot.Trim();
        DateOnly? expiryDate = null;
        var v = new Validation()
            .Require(Formats.Contains(format), "format", "'format' is zpl, png, svg or pdf.")
            .Require(lot is null || (lot.Length <= 20 && Gs1Charset.IsSet82(lot)), "lot",
                "A lot on a GS1 label has at most 20 letters, digits or - . / _ and no spaces.");
        if (!string.IsNullOrWhiteSpace(expiry))
        {
            if (DateOnly.TryParseExact(expiry.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && Gs1Date.TryRead(Gs1Date.Write(date), today) == date)
            {
                expiryDate = date;
            }
            else
            {
                // GS1 dates have two-digit years read within 49 years back and 50 ahead: outside, a scanner would misread it.
                v.Add("expiry", "'expiry' is a date (yyyy-mm-dd) within 49 years back and 50 years ahead.");
            }
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var product = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound($"No product with id {id}.");
        }

        var content = LabelContent.From(product, price == true, lot, expiryDate, today);
        var layout = LabelLayout.For(content);
        var title = $"{product.Sku} {product.Name}";
        return format switch
        {
            "png" => TypedResults.File(PngLabel.Render(layout), "image/png"),
            "svg" => TypedResults.File(Encoding.UTF8.GetBytes(SvgLabel.Render(layout, title)), "image/svg+xml"),
            "pdf" => TypedResults.File(PdfLabel.Render(layout, title), "application/pdf", $"label-{product.Sku.Replace('/', '-')}.pdf"),
            _ => TypedResults.Text(ZplLabel.Render(layout), "text/plain", Encoding.UTF8),
        };
    }
}
