using System.Text.Json;
using System.Text.RegularExpressions;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Catalog;

/// <summary>The company catalog, made and edited here; every change reaches every box through the feed.</summary>
public static partial class ProductEndpoints
{
    public sealed record CaseBarcode(string? Code, int? PackQuantity);

    public sealed record ProductRequest(
        string? Sku, string? Name, string? Description, Guid? CategoryId, Guid? ParentId, JsonElement? Attributes,
        decimal? CostPrice, decimal? SellingPrice, int? ReorderPoint, int? ReorderQuantity, int? MaxLevel, string? Unit,
        decimal? Weight, string? ImageUrl, bool? IsActive, IReadOnlyList<string>? Barcodes, IReadOnlyList<CaseBarcode>? CaseBarcodes,
        long? Version);

    public sealed record ProductView(
        Guid Id, string Sku, string Name, string? Description, Guid? CategoryId, Guid? ParentId, decimal? CostPrice,
        decimal? SellingPrice, int? ReorderPoint, int? ReorderQuantity, int? MaxLevel, string Unit, bool IsActive,
        IReadOnlyList<string> Barcodes, IReadOnlyList<BarcodeRecord> CaseBarcodes, long Version, string? EditedAt,
        DateTimeOffset UpdatedAt);

    public static readonly IReadOnlyList<string> Units = ["each", "case", "pallet", "box", "pack", "kg", "g", "l", "ml", "m"];

    public static void MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Catalog");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ViewInventory).WithSummary("Search the catalog by SKU or name.");
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.ViewInventory);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.EditCatalog).WithSummary("Add a product for every site.");
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permission.EditCatalog)
            .WithSummary("Edit a product; 'version' is the one read, a stale one gets 409.");
    }

    private static async Task<IResult> ListAsync(CloudDbContext db, HttpContext http, string? q, int? limit, CancellationToken ct)
    {
        var query = db.Products.AsNoTracking().Include(p => p.Barcodes).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Sku, pattern) || EF.Functions.ILike(p.Name, pattern)
                || p.Barcodes.Any(b => b.Code == q.Trim()));
        }

        var products = await query.OrderBy(p => p.Sku).Take(Math.Clamp(limit ?? 100, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(new { items = products.Select(p => ToView(p, http)) });
    }

    private static async Task<IResult> GetAsync(Guid id, CloudDbContext db, HttpContext http, CancellationToken ct) =>
        await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, ct) is { } product
            ? TypedResults.Ok(ToView(product, http))
            : Problems.NotFound("No such product.");

    private static async Task<IResult> CreateAsync(ProductRequest request, CloudDbContext db, CloudWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var sku = request.Sku!.Trim();
        if (await db.Products.AnyAsync(p => p.Sku == sku, ct))
        {
            return Problems.Conflict($"SKU {sku} is taken.");
        }

        if (await TakenBarcodeAsync(db, request, null, ct) is { } taken)
        {
            return Problems.Conflict($"Barcode {taken} belongs to another product.");
        }

        var now = time.GetUtcNow();
        var record = ToRecord(Guid.CreateVersion7(), request, now, now);
        await writes.SaveAsync(ChangeKinds.Product, record.Id, record, ct);
        var saved = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstAsync(p => p.Id == record.Id, ct);
        return TypedResults.Created($"/api/products/{record.Id}", ToView(saved, http));
    }

    private static async Task<IResult> UpdateAsync(Guid id, ProductRequest request, CloudDbContext db, CloudWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var current = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (current is null)
        {
            return Problems.NotFound("No such product.");
        }

        if (request.Version is { } version && version != current.Version)
        {
            return Problems.Conflict("The product changed since it was read; load it again.", "Stale version");
        }

        if (await TakenBarcodeAsync(db, request, id, ct) is { } taken)
        {
            return Problems.Conflict($"Barcode {taken} belongs to another product.");
        }

        var record = ToRecord(id, request, current.CreatedAt, time.GetUtcNow());
        await writes.SaveAsync(ChangeKinds.Product, id, record, ct);
        var saved = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstAsync(p => p.Id == id, ct);
        return TypedResults.Ok(ToView(saved, http));
    }

    private static Validation Validate(ProductRequest r)
    {
        var v = new Validation()
            .RequireText(r.Sku, "sku", 50)
            .Require(r.Sku is null || SkuPattern().IsMatch(r.Sku.Trim()), "sku", "A SKU has letters, digits and - _ . / only.")
            .RequireText(r.Name, "name", 255)
            .OptionalText(r.Description, "description", 4000)
            .Require(r.CostPrice is null or (>= 0 and <= 99_999_999.99m), "costPrice", "'costPrice' is between 0 and 99,999,999.99.")
            .Require(r.SellingPrice is null or (>= 0 and <= 99_999_999.99m), "sellingPrice", "'sellingPrice' is between 0 and 99,999,999.99.")
            .Require(r.ReorderPoint is null or >= 0, "reorderPoint", "'reorderPoint' cannot be negative.")
            .Require(r.ReorderQuantity is null or >= 0, "reorderQuantity", "'reorderQuantity' cannot be negative.")
            .Require(r.MaxLevel is null or >= 0, "maxLevel", "'maxLevel' cannot be negative.")
            .Require(r.Unit is null || Units.Contains(r.Unit), "unit", "'unit' is one of " + string.Join(", ", Units) + ".")
            .Require(r.Attributes is null || r.Attributes.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null,
                "attributes", "'attributes' is an object of names and values.");
        var codes = AllCodes(r).ToList();
        v.Require(codes.All(c => c.Length is > 0 and <= 64 && c.All(ch => ch is > ' ' and < '\u007f')), "barcodes",
            "A barcode is 1-64 printable characters without spaces.");
        v.Require(codes.Count == codes.Distinct(StringComparer.Ordinal).Count(), "barcodes", "A barcode is listed twice.");
        v.Require((r.CaseBarcodes ?? []).All(c => c.PackQuantity is >= 2 and <= 100_000), "caseBarcodes", "A case holds between 2 and 100,000 units.");
        return v;
    }

    private static IEnumerable<string> AllCodes(ProductRequest r) =>
        (r.Barcodes ?? []).Concat((r.CaseBarcodes ?? []).Select(c => c.Code ?? "")).Select(c => c.Trim());

    private static async Task<string?> TakenBarcodeAsync(CloudDbContext db, ProductRequest r, Guid? self, CancellationToken ct)
    {
        var codes = AllCodes(r).ToList();
        return await db.Barcodes.Where(b => codes.Contains(b.Code) && b.ProductId != self).Select(b => b.Code).FirstOrDefaultAsync(ct);
    }

    private static ProductRecord ToRecord(Guid id, ProductRequest r, DateTimeOffset createdAt, DateTimeOffset now) => new(
        id, r.Sku!.Trim(), r.Name!.Trim(), r.Description, r.CategoryId, r.ParentId,
        r.Attributes is { ValueKind: JsonValueKind.Object } a ? a.GetRawText() : null,
        r.CostPrice, r.SellingPrice, r.ReorderPoint, r.ReorderQuantity, r.MaxLevel, r.Unit ?? "each", r.Weight, r.ImageUrl,
        r.IsActive ?? true,
        [
            .. (r.Barcodes ?? []).Select(c => new BarcodeRecord(c.Trim(), "unit", 1)),
            .. (r.CaseBarcodes ?? []).Select(c => new BarcodeRecord(c.Code!.Trim(), "case", c.PackQuantity ?? 2)),
        ],
        createdAt, now);

    private static ProductView ToView(Product p, HttpContext http) => new(
        p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId,
        http.User.Can(Permission.ViewCostPrices) ? p.CostPrice : null,
        p.SellingPrice, p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.IsActive,
        [.. p.Barcodes.Where(b => b.Kind == "unit").Select(b => b.Code).Order(StringComparer.Ordinal)],
        [.. p.Barcodes.Where(b => b.Kind == "case").Select(b => new BarcodeRecord(b.Code, b.Kind, b.PackQuantity))],
        p.Version, p.EditedAt, p.UpdatedAt);

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex SkuPattern();
}
