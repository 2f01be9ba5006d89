using Inventory.Domain.Catalog;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Catalog;

/// <summary>Creates and updates products with their barcodes; the API and the CSV import both come through here.</summary>
public static class ProductStore
{
    public sealed record Failure(int Status, string Field, string Message);

    public static async Task<(Guid? CategoryId, Failure? Error)> ResolveCategoryAsync(
        EdgeDbContext db, ProductRequest r, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (r.CategoryId is { } id)
        {
            return await db.Categories.AnyAsync(c => c.Id == id, cancellationToken)
                ? (id, null)
                : (null, new Failure(404, "categoryId", "No such category."));
        }

        if (string.IsNullOrWhiteSpace(r.Category))
        {
            return (null, null);
        }

        // A category named in a CSV or a request is made when it is new: an import should not need a second file.
        var name = r.Category.Trim();
        var existing = db.Categories.Local.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? await db.Categories.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (existing is not null)
        {
            return (existing.Id, null);
        }

        var category = new Category { Id = Guid.CreateVersion7(), Name = name, CreatedAt = now };
        db.Categories.Add(category);
        return (category.Id, null);
    }

    public static async Task<Failure?> CheckReferencesAsync(
        EdgeDbContext db, ProductRequest r, Guid? productId, CancellationToken cancellationToken)
    {
        var codes = r.AllCodes().ToList();
        if (codes.Count > 0)
        {
            var taken = await db.Barcodes.AsNoTracking()
                .Where(b => codes.Contains(b.Code) && b.ProductId != productId)
                .Select(b => b.Code)
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                var owner = await db.Barcodes.Where(b => b.Code == taken)
                    .Join(db.Products, b => b.ProductId, p => p.Id, (b, p) => p.Sku).FirstAsync(cancellationToken);
                return new Failure(409, "barcodes", $"Barcode {taken} already belongs to {owner}.");
            }
        }

        if (r.ParentId is { } parent)
        {
            if (parent == productId)
            {
                return new Failure(400, "parentId", "A product cannot be its own variant.");
            }

            var parentRow = await db.Products.AsNoTracking().Where(p => p.Id == parent)
                .Select(p => new { p.ParentId }).FirstOrDefaultAsync(cancellationToken);
            if (parentRow is null)
            {
                return new Failure(404, "parentId", "No such parent product.");
            }

            if (parentRow.ParentId is not null)
            {
                return new Failure(400, "parentId", "Variants hang off a parent product, not off another variant.");
            }
        }

        return null;
    }

    public static Product Create(EdgeDbContext db, ProductRequest r, Guid? categoryId, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "", Name = "", Version = 1, CreatedAt = now, UpdatedAt = now };
        ProductMapping.ApplyTo(r, product, categoryId);
        product.Barcodes = ProductMapping.BarcodesOf(r, product.Id);
        db.Products.Add(product);
        return product;
    }

    /// <summary>Applies the request; returns false (and changes nothing) when it would change nothing.</summary>
    public static bool Update(EdgeDbContext db, Product product, ProductRequest r, Guid? categoryId, DateTimeOffset now)
    {
        var before = ProductMapping.ToView(product);
        ProductMapping.ApplyTo(r, product, categoryId);
        var wanted = ProductMapping.BarcodesOf(r, product.Id);
        var barcodesSame = wanted.Count == product.Barcodes.Count && wanted.All(w => product.Barcodes.Any(b =>
            b.Code == w.Code && b.Kind == w.Kind && b.PackQuantity == w.PackQuantity));
        if (barcodesSame && SameContent(before, ProductMapping.ToView(product)))
        {
            db.Entry(product).State = EntityState.Unchanged;
            return false;
        }

        if (!barcodesSame)
        {
            db.Barcodes.RemoveRange(product.Barcodes);
            product.Barcodes = wanted;
            db.Barcodes.AddRange(wanted);
        }

        product.Version++;
        product.UpdatedAt = now;
        return true;
    }

    private static bool SameContent(ProductView a, ProductView b) =>
        Strip(a) == Strip(b)
        && a.Attributes?.GetRawText() == b.Attributes?.GetRawText();

    private static ProductView Strip(ProductView v) =>
        v with { Attributes = null, Barcodes = Array.Empty<string>(), CaseBarcodes = Array.Empty<BarcodeView>() };
}
