using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Web.Pages.Products;

/// <summary>A product with its levels per location and its latest movements, read through the API's own queries.</summary>
public sealed class ProductDetailsModel(EdgeDbContext db, InventoryQueries inventory, StockMovementQueries movements) : PageModel
{
    public const int HistoryLength = 100;

    private Dictionary<Guid, string> _locations = [];
    private Dictionary<Guid, string> _users = [];

    public Product Product { get; private set; } = null!;

    public ProductLevels? Levels { get; private set; }

    public IReadOnlyList<MovementView> Movements { get; private set; } = [];

    public string LocationCode(Guid id) => _locations.GetValueOrDefault(id, id.ToString()[..8]);

    public string Who(MovementView m) =>
        m.UserId is { } u ? _users.GetValueOrDefault(u, "user " + u.ToString()[..8]) : m.DeviceId is { } d ? "device " + d : "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        Product = product;
        Levels = await inventory.ForProductAsync(id, cancellationToken);
        Movements = (await movements.ListAsync(new MovementFilter(id, null, null, null, null, null, HistoryLength), cancellationToken)).Items;
        _locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
        var userIds = Movements.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).Distinct().ToList();
        _users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Username, cancellationToken);
        return Page();
    }
}
