using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Catalog;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Catalog;

public static class ProductEndpoints
{
    public static void MapProductApi(this RouteGroupBuilder products)
    {
        products.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListProducts")
            .WithSummary("Products, paged; `q` searches SKU, name and barcodes and forgives typos.");
        products.MapGet("/{id:guid}", Get).RequirePermission(Permission.ViewInventory)
            .WithName("GetProduct")
            .WithSummary("One product with its barcodes; the cost price only for those who may see it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/", Create).RequirePermission(Permission.EditCatalog)
            .WithName("CreateProduct")
            .WithSummary("Create a product with its barcodes.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        products.MapPut("/{id:guid}", Update).RequirePermission(Permission.EditCatalog)
            .WithName("UpdateProduct")
            .WithSummary("Replace a product's fields; send the version you read (409 when stale).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        products.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.EditCatalog)
            .WithName("DeleteProduct")
            .WithSummary("Delete a product never moved; one with movements is deactivated instead.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<ProductView>>, ValidationProblem>> List(
        string? q, Guid? categoryId, bool? includeInactive, int? limit, string? next, ClaimsPrincipal user,
        EdgeDbContext db, ProductSearch search, CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Paged(limit, next)
            // Not OptionalText: a scanner typing a GS1 code into the search box sends GS control characters, which
            // the search reads as separators (SearchTerms), so they are not an error here.
            .Require(q is null || q.Length <= 100, "q", "'q' is longer than 100 characters.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var take = Paging.Limit(limit);
        var offset = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var activeOnly = includeInactive != true;
        List<Guid> ids;
        bool more;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var found = await search.SearchAsync(q, activeOnly, categoryId, take, offset, cancellationToken);
            (ids, more) = (found.Ids.ToList(), found.More);
        }
        else
        {
            var query = db.Products.AsNoTracking();
            query = activeOnly ? query.Where(p => p.IsActive) : query;
            query = categoryId is { } c ? query.Where(p => p.CategoryId == c) : query;
            ids = await query.OrderBy(p => p.Sku).Skip(offset).Take(take + 1).Select(p => p.Id).ToListAsync(cancellationToken);
            more = ids.Count > take;
            ids = ids.Take(take).ToList();
        }

        var rows = await db.Products.AsNoTracking().Include(p => p.Barcodes)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var canSeeCost = user.Can(Permission.ViewCostPrices);
        var items = ids.Where(rows.ContainsKey).Select(id => Shown(ProductMapping.ToView(rows[id]), canSeeCost)).ToList();
        return TypedResults.Ok(new Page<ProductView>(items, more ? (offset + take).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null
            ? Problems.NotFound($"No product with id {id}.")
            : TypedResults.Ok(Shown(ProductMapping.ToView(product), user.Can(Permission.ViewCostPrices)));
    }

    private static async Task<Results<Created<ProductView>, ValidationProblem, ProblemHttpResult>> Create(ProductRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().AddAll(ProductRules.Check(request));
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var sku = request.Sku!.Trim();
        if (await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            return Problems.Conflict($"A product with SKU {sku} exists.");
        }

        var now = time.GetUtcNow();
        var (categoryId, categoryError) = await ProductStore.ResolveCategoryAsync(db, request, now, cancellationToken);
        if ((categoryError ?? await ProductStore.CheckReferencesAsync(db, request, null, cancellationToken)) is { } error)
        {
            return AsProblem(error) is { } problem ? problem : AsValidationProblem(error);
        }

        var product = ProductStore.Create(db, request, categoryId, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/products/{product.Id}", ProductMapping.ToView(product));
    }

    private static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> Update(Guid id, ProductRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().AddAll(ProductRules.Check(request)).Require(request.Version is not null, "version", "'version' is required: send the version you read.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var product = await db.Products.Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound($"No product with id {id}.");
        }

        if (product.Version != request.Version)
        {
            return Problems.Conflict($"The product changed since you read it (version {product.Version} now).", "Stale version");
        }

        var sku = request.Sku!.Trim();
        if (!string.Equals(sku, product.Sku, StringComparison.OrdinalIgnoreCase) && await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            return Problems.Conflict($"A product with SKU {sku} exists.");
        }

        var now = time.GetUtcNow();
        var (categoryId, categoryError) = await ProductStore.ResolveCategoryAsync(db, request, now, cancellationToken);
        if ((categoryError ?? await ProductStore.CheckReferencesAsync(db, request, id, cancellationToken)) is { } error)
        {
            return AsProblem(error) is { } problem ? problem : AsValidationProblem(error);
        }

        ProductStore.Update(db, product, request, categoryId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The product changed since you read it.", "Stale version");
        }

        return TypedResults.Ok(ProductMapping.ToView(product));
    }

    private static async Task<Results<Ok<ProductView>, NoContent, ProblemHttpResult>> Delete(Guid id, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound($"No product with id {id}.");
        }

        var moved = await db.StockMovements.AnyAsync(m => m.ProductId == id, cancellationToken);
        var hasVariants = await db.Products.AnyAsync(p => p.ParentId == id, cancellationToken);
        if (moved || hasVariants)
        {
            // The ledger must keep naming what it moved: history outlives the catalog entry.
            product.IsActive = false;
            product.Version++;
            product.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ProductMapping.ToView(product));
        }

        db.LocationProductSettings.RemoveRange(db.LocationProductSettings.Where(s => s.ProductId == id));
        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A missing reference (404) or a taken barcode (409); null for a field that is simply wrong.</summary>
    private static ProblemHttpResult? AsProblem(ProductStore.Failure failure) => failure.Status switch
    {
        StatusCodes.Status404NotFound => Problems.NotFound(failure.Message),
        StatusCodes.Status409Conflict => Problems.Conflict(failure.Message),
        _ => null,
    };

    private static ValidationProblem AsValidationProblem(ProductStore.Failure failure) =>
        new Validation().Add(failure.Field, failure.Message).ToProblem();

    private static ProductView Shown(ProductView view, bool canSeeCost) => canSeeCost ? view : view.WithoutCost();
}
