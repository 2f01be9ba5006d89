using System.Text.Json;
using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Catalog;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Web.Pages.Products;

/// <summary>
/// Create and edit for roles with EditCatalog. The form's script sends the API's own POST/PUT, so validation,
/// the stale-version check and replication are the API's; fields the form does not show are sent back as read.
/// </summary>
[Authorize(Policy = nameof(Permission.EditCatalog))]
public sealed class ProductEditModel(EdgeDbContext db) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProductView? Product { get; private set; }

    public string ProductJson => Product is null ? "" : JsonSerializer.Serialize(Product, Json);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Page();
        }

        var product = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        Product = ProductMapping.ToView(product);
        return Page();
    }
}
