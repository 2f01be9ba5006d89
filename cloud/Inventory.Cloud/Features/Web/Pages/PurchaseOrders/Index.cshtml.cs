using Inventory.Cloud.Features.Purchasing;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Domain.Purchasing;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Web.Pages.PurchaseOrders;

/// <summary>POs of every site with filters, open value by supplier (prices only for who sees them) and late POs.</summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class IndexModel(CloudDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SupplierId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SiteCode { get; set; }

    public bool Prices { get; private set; }

    public PurchaseOrderOverview Overview { get; private set; } = new([], [], []);

    public IReadOnlyList<Supplier> Suppliers { get; private set; } = [];

    public IReadOnlyList<string> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Prices = User.Can(Permission.ViewSupplierPrices);
        var status = PurchaseOrderStatus.IsKnown(Status) ? Status : null;
        var site = string.IsNullOrWhiteSpace(SiteCode) ? null : SiteCode;
        Overview = await PurchaseOrderDashboard.LoadAsync(db, status, SupplierId, site, Prices,
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        Suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
    }
}
