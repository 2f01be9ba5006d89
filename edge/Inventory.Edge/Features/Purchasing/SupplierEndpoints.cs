using System.Globalization;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Inventory.Web.Purchasing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// Suppliers and their products and prices: /api/suppliers. Company-wide master data written through EF, so the
/// sync outbox records each change; reading a supplier is ViewInventory, its prices ViewSupplierPrices.
/// </summary>
public static class SupplierEndpoints
{
    public static IServiceCollection AddSupplierServices(this IServiceCollection services) => services;

    public static void MapSupplierEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/suppliers").WithTags("Suppliers");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListSuppliers")
            .WithSummary("Suppliers by code; q= searches code and name, active=true|false; paged with limit/next.");
        group.MapPost("/", Create).RequirePermission(Permission.ManageSuppliers)
            .WithName("CreateSupplier").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a supplier (code unique, currency ISO 4217, over-receipt tolerance in percent, default 0).");
        group.MapGet("/{id:guid}", Get).RequirePermission(Permission.ViewInventory)
            .WithName("GetSupplier").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One supplier.");
        group.MapPut("/{id:guid}", Update).RequirePermission(Permission.ManageSuppliers)
            .WithName("UpdateSupplier").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace a supplier's fields (a field left out keeps its value).");
        group.MapGet("/{id:guid}/products", ListProducts).RequirePermission(Permission.ViewSupplierPrices)
            .WithName("ListSupplierProducts").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What a supplier sells: supplier SKU, unit price, price breaks, minimum and multiple, preferred.");
        group.MapPut("/{id:guid}/products/{productId:guid}", PutProduct).RequirePermission(Permission.ManageSuppliers)
            .WithName("PutSupplierProduct").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set how a supplier sells a product; preferred=true makes it the product's one preferred supplier.");
    }

    private static async Task<Results<Ok<Page<SupplierView>>, ValidationProblem>> List(
        string? q, bool? active, int? limit, string? next, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var v = new Validation().OptionalText(q, "q", 100).Paged(limit, next);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var query = db.Suppliers.AsNoTracking();
        if (active is { } isActive)
        {
            query = query.Where(s => s.IsActive == isActive);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(s => EF.Functions.Like(s.Code, pattern, "\\") || EF.Functions.Like(s.Name, pattern, "\\"));
        }

        var take = Paging.Limit(limit);
        var offset = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var rows = await query.OrderBy(s => s.Code).ThenBy(s => s.Id).Skip(offset).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<SupplierView>(
            rows.Take(take).Select(ToView).ToList(),
            rows.Count > take ? (offset + take).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<SupplierView>, ProblemHttpResult>> Get(Guid id, EdgeDbContext db, CancellationToken cancellationToken) =>
        await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } supplier
            ? TypedResults.Ok(ToView(supplier))
            : Problems.NotFound($"No supplier with id {id}.");

    private static async Task<Results<Created<SupplierView>, ValidationProblem, ProblemHttpResult>> Create(
        SupplierRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = SupplierRules.Check(request, whole: true);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var code = request.Code!.Trim();
        if (await db.Suppliers.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return Problems.Conflict($"A supplier with code {code} exists.");
        }

        var now = time.GetUtcNow();
        var supplier = new Supplier { Id = Guid.CreateVersion7(), Code = code, Name = "", CreatedAt = now };
        Apply(supplier, request, now);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/suppliers/{supplier.Id}", ToView(supplier));
    }

    private static async Task<Results<Ok<SupplierView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SupplierRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = SupplierRules.Check(request, whole: false);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (supplier is null)
        {
            return Problems.NotFound($"No supplier with id {id}.");
        }

        if (request.Code is not null)
        {
            var code = request.Code.Trim();
            if (!string.Equals(code, supplier.Code, StringComparison.OrdinalIgnoreCase)
                && await db.Suppliers.AnyAsync(s => s.Code == code && s.Id != id, cancellationToken))
            {
                return Problems.Conflict($"A supplier with code {code} exists.");
            }

            supplier.Code = code;
        }

        Apply(supplier, request, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(supplier));
    }

    private static async Task<Results<Ok<IReadOnlyList<SupplierProductView>>, ProblemHttpResult>> ListProducts(
        Guid id, EdgeDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return Problems.NotFound($"No supplier with id {id}.");
        }

        var rows = await (from sp in db.SupplierProducts.AsNoTracking()
                          join p in db.Products.AsNoTracking() on sp.ProductId equals p.Id into products
                          from p in products.DefaultIfEmpty()
                          where sp.SupplierId == id
                          orderby p.Sku
                          select new { sp, p.Sku, p.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SupplierProductView>>([.. rows.Select(r => ToView(r.sp, r.Sku, r.Name))]);
    }

    private static async Task<Results<Ok<SupplierProductView>, ValidationProblem, ProblemHttpResult>> PutProduct(
        Guid id, Guid productId, SupplierProductRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = SupplierRules.Check(request);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        if (!await db.Suppliers.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return Problems.NotFound($"No supplier with id {id}.");
        }

        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Sku, p.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return Problems.NotFound($"No product with id {productId}.");
        }

        var rowId = DeterministicIds.SupplierProduct(id, productId);
        var row = await db.SupplierProducts.FirstOrDefaultAsync(p => p.Id == rowId, cancellationToken);
        if (row is null)
        {
            row = new SupplierProduct { Id = rowId, SupplierId = id, ProductId = productId };
            db.SupplierProducts.Add(row);
        }

        var now = time.GetUtcNow();
        row.SupplierSku = string.IsNullOrWhiteSpace(request.SupplierSku) ? null : request.SupplierSku.Trim();
        row.UnitPrice = request.UnitPrice!.Value;
        row.MinOrderQuantity = request.MinOrderQuantity ?? 0;
        row.OrderMultiple = request.OrderMultiple ?? 0;
        row.LeadTimeDays = request.LeadTimeDays;
        row.Preferred = request.Preferred ?? false;
        row.PriceBreaks = SupplierPriceBreaks.Write(SupplierRules.Breaks(request));
        row.IsActive = request.IsActive ?? true;
        row.UpdatedAt = now;
        if (row.Preferred)
        {
            // One preferred supplier per product: the other one steps down in the same SaveChanges, so the pair
            // replicates (and commits) together.
            var others = await db.SupplierProducts.Where(p => p.ProductId == productId && p.Preferred && p.Id != rowId).ToListAsync(cancellationToken);
            foreach (var other in others)
            {
                other.Preferred = false;
                other.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(row, product.Sku, product.Name));
    }

    private static void Apply(Supplier s, SupplierRequest r, DateTimeOffset now)
    {
        s.Name = r.Name?.Trim() ?? s.Name;
        s.Email = r.Email is null ? s.Email : string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim();
        s.Phone = r.Phone is null ? s.Phone : string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim();
        s.Address = r.Address is null ? s.Address : string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        s.Currency = r.Currency ?? s.Currency;
        s.LeadTimeDays = r.LeadTimeDays ?? s.LeadTimeDays;
        s.PaymentTerms = r.PaymentTerms is null ? s.PaymentTerms : string.IsNullOrWhiteSpace(r.PaymentTerms) ? null : r.PaymentTerms.Trim();
        s.OverReceiptTolerancePercent = r.OverReceiptTolerancePercent ?? s.OverReceiptTolerancePercent;
        s.IsActive = r.IsActive ?? s.IsActive;
        s.UpdatedAt = now;
    }

    internal static SupplierView ToView(Supplier s) => new(
        s.Id, s.Code, s.Name, s.Email, s.Phone, s.Address, s.Currency, s.LeadTimeDays, s.PaymentTerms, s.OverReceiptTolerancePercent,
        s.IsActive, s.CreatedAt, s.UpdatedAt);

    private static SupplierProductView ToView(SupplierProduct p, string? sku, string? name) => new(
        p.Id, p.SupplierId, p.ProductId, sku, name, p.SupplierSku, p.UnitPrice, p.MinOrderQuantity, p.OrderMultiple, p.LeadTimeDays,
        p.Preferred, [.. SupplierPriceBreaks.Read(p.PriceBreaks).Select(b => new PriceBreakView(b.Quantity, b.UnitPrice))], p.IsActive,
        p.UpdatedAt);

}
