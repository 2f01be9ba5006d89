using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages.PurchaseOrders;

/// <summary>
/// The receive screen of one PO for a handheld held in one hand: each line with what is still outstanding, a big
/// quantity field and a big Receive button. The shell carries the PO as read now (never a price: whoever holds the
/// handheld sees quantities only); po-receive.js posts receipts to /api/purchase-orders/{id}/receive and redraws the
/// lines from its answer.
/// </summary>
[Authorize(Policy = nameof(Permission.ReceiveAgainstPurchaseOrder))]
public sealed class ReceiveModel(PurchaseOrderReader reader) : PageModel
{
    public PurchaseOrderView Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await reader.ReadAsync(id, showPrices: false, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }
}
