using System.Globalization;
using System.Text.Json;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Inventory.Web.Purchasing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>Suppliers and what each sells at which price: company-wide, every change reaches every box.</summary>
public static class SupplierEndpoints
{
    public sealed record SupplierView(
        Guid Id, string Code, string Name, string? Email, string? Phone, string? Address, string Currency, int LeadTimeDays,
        string? PaymentTerms, decimal OverReceiptTolerancePercent, bool IsActive, string? EditedAt, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt);

    /// <summary>A supplier's price of a product; <c>unitPrice</c> and <c>priceBreaks</c> only for those who see supplier prices.</summary>
    public sealed record SupplierProductView(
        Guid Id, Guid SupplierId, Guid ProductId, string? Sku, string? ProductName, string? SupplierSku, decimal? UnitPrice,
        decimal MinOrderQuantity, decimal OrderMultiple, int? LeadTimeDays, bool Preferred, IReadOnlyList<PriceBreakRecord>? PriceBreaks,
        bool IsActive, DateTimeOffset UpdatedAt);

    public static void MapSuppliersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suppliers").WithTags("Purchasing");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ViewInventory)
            .WithName("ListSuppliers").WithSummary("Suppliers by code; 'q' searches code and name.");
        group.MapPost("/", CreateAsync).RequirePermission(Permission.ManageSuppliers)
            .WithName("CreateSupplier").WithSummary("Add a supplier for every site.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.ViewInventory)
            .WithName("GetSupplier").WithSummary("One supplier.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permission.ManageSuppliers)
            .WithName("UpdateSupplier").WithSummary("Edit a supplier; the change reaches every box.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/products", ListProductsAsync).RequirePermission(Permission.ViewInventory)
            .WithName("ListSupplierProducts").WithSummary("What the supplier sells; prices only for purchasing and managers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/products/{productId:guid}", GetProductAsync).RequirePermission(Permission.ViewInventory)
            .WithName("GetSupplierProduct").WithSummary("The supplier's terms for one product; prices only for purchasing and managers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/products/{productId:guid}", PutProductAsync).RequirePermission(Permission.ManageSuppliers)
            .WithName("PutSupplierProduct")
            .WithSummary("Set the supplier's SKU, price, price breaks, minimum, multiple and lead time for a product; 'preferred' takes over from the product's other suppliers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<SupplierView>>, ValidationProblem>> ListAsync(
        CloudDbContext db, string? q, int? limit, string? next, CancellationToken ct)
    {
        if (new Validation().Paged(limit, next) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var query = db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(s => EF.Functions.ILike(s.Code, pattern) || EF.Functions.ILike(s.Name, pattern));
        }

        // The offset as the cursor: suppliers are few and read in code order.
        var skip = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var size = Paging.Limit(limit);
        var rows = await query.OrderBy(s => s.Code).ThenBy(s => s.Id).Skip(skip).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(new Page<SupplierView>([.. rows.Take(size).Select(ToView)],
            rows.Count > size ? (skip + size).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<SupplierView>, ProblemHttpResult>> GetAsync(Guid id, CloudDbContext db, CancellationToken ct) =>
        await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } supplier
            ? TypedResults.Ok(ToView(supplier))
            : Problems.NotFound("No such supplier.");

    private static async Task<Results<Created<SupplierView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SupplierRequest request, CloudDbContext db, PurchasingWrites writes, TimeProvider time, CancellationToken ct)
    {
        if (SupplierRules.Check(request, whole: true) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var code = request.Code!.Trim();
        if (await db.Suppliers.AnyAsync(s => s.Code == code, ct))
        {
            return Problems.Conflict($"Supplier code {code} is taken.");
        }

        var now = time.GetUtcNow();
        var record = ToRecord(Guid.CreateVersion7(), request, now, now);
        await writes.SaveSupplierAsync(record, ct);
        var saved = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == record.Id, ct);
        return TypedResults.Created($"/api/suppliers/{record.Id}", ToView(saved));
    }

    private static async Task<Results<Ok<SupplierView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, SupplierRequest request, CloudDbContext db, PurchasingWrites writes, TimeProvider time, CancellationToken ct)
    {
        if (SupplierRules.Check(request, whole: true) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var current = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (current is null)
        {
            return Problems.NotFound("No such supplier.");
        }

        var code = request.Code!.Trim();
        if (await db.Suppliers.AnyAsync(s => s.Code == code && s.Id != id, ct))
        {
            return Problems.Conflict($"Supplier code {code} is taken.");
        }

        await writes.SaveSupplierAsync(ToRecord(id, request, current.CreatedAt, time.GetUtcNow()), ct);
        return TypedResults.Ok(ToView(await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == id, ct)));
    }

    private static async Task<Results<Ok<Page<SupplierProductView>>, ValidationProblem, ProblemHttpResult>> ListProductsAsync(
        Guid id, CloudDbContext db, HttpContext http, int? limit, string? next, CancellationToken ct)
    {
        if (new Validation().Paged(limit, next) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        if (!await db.Suppliers.AnyAsync(s => s.Id == id, ct))
        {
            return Problems.NotFound("No such supplier.");
        }

        var skip = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var size = Paging.Limit(limit);
        var rows = await (from sp in db.SupplierProducts.AsNoTracking()
                          where sp.SupplierId == id
                          join p in db.Products.AsNoTracking() on sp.ProductId equals p.Id into products
                          from p in products.DefaultIfEmpty()
                          orderby p.Sku, sp.Id
                          select new { sp, p.Sku, p.Name }).Skip(skip).Take(size + 1).ToListAsync(ct);
        var prices = http.User.Can(Permission.ViewSupplierPrices);
        return TypedResults.Ok(new Page<SupplierProductView>([.. rows.Take(size).Select(r => ToView(r.sp, r.Sku, r.Name, prices))],
            rows.Count > size ? (skip + size).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<SupplierProductView>, ProblemHttpResult>> GetProductAsync(
        Guid id, Guid productId, CloudDbContext db, HttpContext http, CancellationToken ct)
    {
        var row = await db.SupplierProducts.AsNoTracking().FirstOrDefaultAsync(sp => sp.SupplierId == id && sp.ProductId == productId, ct);
        if (row is null)
        {
            return Problems.NotFound("The supplier has no terms for this product.");
        }

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        return TypedResults.Ok(ToView(row, product?.Sku, product?.Name, http.User.Can(Permission.ViewSupplierPrices)));
    }

    private static async Task<Results<Ok<SupplierProductView>, ValidationProblem, ProblemHttpResult>> PutProductAsync(
        Guid id, Guid productId, SupplierProductRequest request, CloudDbContext db, PurchasingWrites writes, HttpContext http,
        TimeProvider time, CancellationToken ct)
    {
        if (SupplierRules.Check(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        if (!await db.Suppliers.AnyAsync(s => s.Id == id, ct))
        {
            return Problems.NotFound("No such supplier.");
        }

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return Problems.NotFound("No such product.");
        }

        var now = time.GetUtcNow();
        var record = new SupplierProductRecord(
            DeterministicIds.SupplierProduct(id, productId), id, productId, request.SupplierSku?.Trim(), request.UnitPrice!.Value,
            request.MinOrderQuantity ?? 1m, request.OrderMultiple ?? 1m, request.LeadTimeDays, request.Preferred ?? false,
            [.. (request.PriceBreaks ?? []).OrderBy(b => b.Quantity).Select(b => new PriceBreakRecord(b.Quantity!.Value, b.UnitPrice!.Value))],
            request.IsActive ?? true, now);
        if (record.Preferred)
        {
            // The product's other preferred supplier gives way, as a version of its own, so every box hears of it.
            var others = await db.SupplierProducts.AsNoTracking()
                .Where(sp => sp.ProductId == productId && sp.Preferred && sp.Id != record.Id).ToListAsync(ct);
            foreach (var other in others)
            {
                await writes.SaveSupplierProductAsync(ToRecord(other) with { Preferred = false, UpdatedAt = now }, ct);
            }
        }

        await writes.SaveSupplierProductAsync(record, ct);
        var saved = await db.SupplierProducts.AsNoTracking().FirstAsync(sp => sp.Id == record.Id, ct);
        return TypedResults.Ok(ToView(saved, product.Sku, product.Name, http.User.Can(Permission.ViewSupplierPrices)));
    }

    private static SupplierRecord ToRecord(Guid id, SupplierRequest r, DateTimeOffset createdAt, DateTimeOffset now) => new(
        id, r.Code!.Trim(), r.Name!.Trim(), r.Email?.Trim(), r.Phone?.Trim(), r.Address, r.Currency ?? SupplierRules.DefaultCurrency,
        r.LeadTimeDays ?? 0, r.PaymentTerms, r.OverReceiptTolerancePercent ?? 0m, r.IsActive ?? true, createdAt, now);

    internal static SupplierRecord ToRecord(Supplier s) => new(
        s.Id, s.Code, s.Name, s.Email, s.Phone, s.Address, s.Currency, s.LeadTimeDays, s.PaymentTerms, s.OverReceiptTolerancePercent,
        s.IsActive, s.CreatedAt, s.UpdatedAt);

    internal static SupplierProductRecord ToRecord(SupplierProduct sp) => new(
        sp.Id, sp.SupplierId, sp.ProductId, sp.SupplierSku, sp.UnitPrice, sp.MinOrderQuantity, sp.OrderMultiple, sp.LeadTimeDays,
        sp.Preferred, Breaks(sp), sp.IsActive, sp.UpdatedAt);

    internal static IReadOnlyList<PriceBreakRecord> Breaks(SupplierProduct sp) =>
        JsonSerializer.Deserialize(sp.PriceBreaks, PurchasingJson.Default.IReadOnlyListPriceBreakRecord) ?? [];

    internal static SupplierView ToView(Supplier s) => new(
        s.Id, s.Code, s.Name, s.Email, s.Phone, s.Address, s.Currency, s.LeadTimeDays, s.PaymentTerms, s.OverReceiptTolerancePercent,
        s.IsActive, s.EditedAt, s.CreatedAt, s.UpdatedAt);

    internal static SupplierProductView ToView(SupplierProduct sp, string? sku, string? name, bool prices) => new(
        sp.Id, sp.SupplierId, sp.ProductId, sku, name, sp.SupplierSku, prices ? sp.UnitPrice : null, sp.MinOrderQuantity,
        sp.OrderMultiple, sp.LeadTimeDays, sp.Preferred, prices ? Breaks(sp) : null, sp.IsActive, sp.UpdatedAt);
}
