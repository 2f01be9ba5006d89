using System.Text.Json;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Domain.Catalog;
using Inventory.Domain.Lots;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Catalog;

/// <summary>The company catalog, made and edited here; every change reaches every box through the feed.</summary>
public static class ProductEndpoints
{
    public sealed record ProductView(
        Guid Id, string Sku, string Name, string? Description, Guid? CategoryId, Guid? ParentId, decimal? CostPrice,
        decimal? SellingPrice, int? ReorderPoint, int? ReorderQuantity, int? MaxLevel, string Unit, bool IsActive,
        IReadOnlyList<string> Barcodes, IReadOnlyList<BarcodeRecord> CaseBarcodes, long Version, string? EditedAt,
        DateTimeOffset UpdatedAt, bool LotTracked, int? ShelfLifeDays, int ExpiryAlertDays, bool SellExpired);

    public sealed record ProductList(IReadOnlyList<ProductView> Items);

    public static void MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Catalog");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ViewInventory)
            .WithName("ListProducts")
            .WithSummary("Search the catalog by SKU or name.");
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.ViewInventory)
            .WithName("GetProduct")
            .WithSummary("One product with its barcodes; the cost price only for those who may see it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.EditCatalog)
            .WithName("CreateProduct")
            .WithSummary("Add a product for every site.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permission.EditCatalog)
            .WithName("UpdateProduct")
            .WithSummary("Edit a product; 'version' is the one read, a stale one gets 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<ProductList>> ListAsync(CloudDbContext db, HttpContext http, string? q, int? limit, CancellationToken ct)
    {
        var query = db.Products.AsNoTracking().Include(p => p.Barcodes).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Sku, pattern) || EF.Functions.ILike(p.Name, pattern)
                || p.Barcodes.Any(b => b.Code == q.Trim()));
        }

        var products = await query.OrderBy(p => p.Sku).Take(Math.Clamp(limit ?? 100, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(new ProductList([.. products.Select(p => ToView(p, http))]));
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> GetAsync(Guid id, CloudDbContext db, HttpContext http, CancellationToken ct) =>
        await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, ct) is { } product
            ? TypedResults.Ok(ToView(product, http))
            : Problems.NotFound("No such product.");

    private static async Task<Results<Created<ProductView>, ValidationProblem, ProblemHttpResult>> CreateAsync(ProductRequest request, CloudDbContext db, CloudWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (new Validation().AddAll(ProductRules.Check(request)) is { IsValid: false } invalid)
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
        var record = ToRecord(Guid.CreateVersion7(), request, now, now, ProductLotSettings.Default);
        await writes.SaveAsync(ChangeKinds.Product, record.Id, record, ct);
        var saved = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstAsync(p => p.Id == record.Id, ct);
        return TypedResults.Created($"/api/products/{record.Id}", ToView(saved, http));
    }

    private static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, ProductRequest request, CloudDbContext db, CloudWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (new Validation().AddAll(ProductRules.Check(request)) is { IsValid: false } invalid)
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

        var record = ToRecord(id, request, current.CreatedAt, time.GetUtcNow(),
            new ProductLotSettings(current.LotTracked, current.ShelfLifeDays, current.ExpiryAlertDays, current.SellExpired));
        await writes.SaveAsync(ChangeKinds.Product, id, record, ct);
        var saved = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstAsync(p => p.Id == id, ct);
        return TypedResults.Ok(ToView(saved, http));
    }

    private static async Task<string?> TakenBarcodeAsync(CloudDbContext db, ProductRequest r, Guid? self, CancellationToken ct)
    {
        var codes = r.AllCodes().ToList();
        return await db.Barcodes.Where(b => codes.Contains(b.Code) && b.ProductId != self).Select(b => b.Code).FirstOrDefaultAsync(ct);
    }

    private static ProductRecord ToRecord(Guid id, ProductRequest r, DateTimeOffset createdAt, DateTimeOffset now, ProductLotSettings lots) => new(
        id, r.Sku!.Trim(), r.Name!.Trim(), r.Description, r.CategoryId, r.ParentId,
        r.Attributes is { ValueKind: JsonValueKind.Object } a ? a.GetRawText() : null,
        r.CostPrice, r.SellingPrice, r.ReorderPoint, r.ReorderQuantity, r.MaxLevel, r.Unit ?? Units.Each, r.Weight, r.ImageUrl,
        r.IsActive ?? true,
        [
            .. (r.Barcodes ?? []).Select(c => new BarcodeRecord(c.Trim(), ProductRecordRules.UnitKind, 1)),
            .. (r.CaseBarcodes ?? []).Select(c => new BarcodeRecord(c.Code!.Trim(), ProductRecordRules.CaseKind, c.PackQuantity ?? ProductRules.MinPack)),
        ],
        createdAt, now, lots.With(r.LotTracked, r.ShelfLifeDays, r.ExpiryAlertDays, r.SellExpired));

    private static ProductView ToView(Product p, HttpContext http) => new(
        p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId,
        http.User.Can(Permission.ViewCostPrices) ? p.CostPrice : null,
        p.SellingPrice, p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.IsActive,
        [.. p.Barcodes.Where(b => b.Kind == "unit").Select(b => b.Code).Order(StringComparer.Ordinal)],
        [.. p.Barcodes.Where(b => b.Kind == "case").Select(b => new BarcodeRecord(b.Code, b.Kind, b.PackQuantity))],
        p.Version, p.EditedAt, p.UpdatedAt, p.LotTracked, p.ShelfLifeDays, p.ExpiryAlertDays, p.SellExpired);
}
