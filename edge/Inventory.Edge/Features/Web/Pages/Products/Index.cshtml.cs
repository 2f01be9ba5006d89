using Inventory.Edge.Features.Catalog;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Web.Pages.Products;

/// <summary>The catalog list; the search is the API's (<see cref="ProductSearch"/>: SKU, name, barcodes, typos forgiven).</summary>
public sealed class ProductsModel(EdgeDbContext db, ProductSearch search) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public IReadOnlyList<Product> Products { get; private set; } = [];

    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Offset = Math.Max(0, Offset);
        List<Guid> ids;
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 100)
        {
            var found = await search.SearchAsync(Q, activeOnly: true, null, PageSize, Offset, cancellationToken);
            (ids, More) = (found.Ids.ToList(), found.More);
        }
        else
        {
            ids = await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Sku)
                .Skip(Offset).Take(PageSize + 1).Select(p => p.Id).ToListAsync(cancellationToken);
            More = ids.Count > PageSize;
            ids = ids.Take(PageSize).ToList();
        }

        var rows = await db.Products.AsNoTracking().Include(p => p.Barcodes).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        Products = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }
}
