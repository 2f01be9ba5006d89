using Inventory.Domain.Catalog;
using Inventory.Edge.Features.Catalog;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Scanning;

/// <summary>A manager links a code a scanner did not know to its product, without resending the whole product.</summary>
public static class BarcodeLink
{
    public sealed record LinkRequest(string? Code, string? Kind, int? PackQuantity);

    public static async Task<Results<Ok<ProductView>, Created<ProductView>, ValidationProblem, ProblemHttpResult>> LinkAsync(Guid id, LinkRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var code = request.Code?.Trim();
        var kind = request.Kind ?? BarcodeKinds.Unit;
        var pack = kind == BarcodeKinds.Case ? request.PackQuantity : 1;
        var v = new Validation()
            .RequireText(code, "code", 64)
            .Require(code is null || code.All(c => c is > ' ' and <= '~'), "code", "A barcode has printable characters and no spaces.")
            .Require(code is null || !(code.All(char.IsAsciiDigit) && code.Length is 8 or 12 or 13 or 14) || Gtin.IsValid(code),
                "code", "This looks like an EAN/UPC/GTIN but its check digit is wrong.")
            .Require(kind is BarcodeKinds.Unit or BarcodeKinds.Case, "kind", "'kind' is unit or case.")
            .Require(kind != BarcodeKinds.Case || pack is >= 2 and <= 100_000, "packQuantity", "A case holds between 2 and 100,000 units.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var product = await db.Products.Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound($"No product with id {id}.");
        }

        var owner = await db.Barcodes.AsNoTracking().Where(b => b.Code == code)
            .Join(db.Products, b => b.ProductId, p => p.Id, (b, p) => new { p.Id, p.Sku }).FirstOrDefaultAsync(cancellationToken);
        if (owner is not null)
        {
            return owner.Id == id
                ? TypedResults.Ok(ProductMapping.ToView(product))
                : Problems.Conflict($"Barcode {code} already belongs to {owner.Sku}.");
        }

        var barcode = new ProductBarcode { Code = code!, ProductId = id, Kind = kind, PackQuantity = pack!.Value };
        db.Barcodes.Add(barcode);
        product.Barcodes.Add(barcode);
        product.Version++;
        product.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/products/{id}", ProductMapping.ToView(product));
    }
}
