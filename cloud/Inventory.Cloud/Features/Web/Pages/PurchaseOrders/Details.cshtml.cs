using Inventory.Cloud.Features.Purchasing;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Cloud.Features.Web.Pages.PurchaseOrders;

/// <summary>One PO: lines with received and variance; send, cancel and close for the roles that may.</summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class DetailsModel(CloudDbContext db, TimeProvider time) : PageModel
{
    public PurchaseOrderView Order { get; private set; } = null!;

    public bool Prices { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Prices = User.Can(Permission.ViewSupplierPrices);
        var order = await PurchaseOrderEndpoints.ViewAsync(db, id, HttpContext, time, ct);
        if (order is null)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }
}
