using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>
/// The handheld page. Its shell is cached by the service worker, so it must not depend on anything fetched
/// later: the locations are rendered into it, and scan.js keeps scans in IndexedDB until the box answers.
/// </summary>
[Authorize(Policy = nameof(Permission.Scan))]
public sealed class ScanModel(WebData data, EdgeDbContext db, IOptions<EdgeOptions> options) : PageModel
{
    public sealed record Mode(string Action, string Label);

    private static readonly (Mode Mode, Permission Needs)[] AllModes =
    [
        (new Mode("receive", "Receive"), Permission.Receive),
        (new Mode("pick", "Pick"), Permission.Ship),
        (new Mode("count", "Count"), Permission.Count),
        (new Mode("move", "Move"), Permission.Transfer),
        (new Mode("lookup", "Lookup"), Permission.ViewInventory),
    ];

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public IReadOnlyList<Mode> Modes { get; private set; } = [];

    /// <summary>Numbers of this site's POs neither cancelled nor closed, newest first, to pick in receive mode (a scanned PO number works too).</summary>
    public IReadOnlyList<string> OpenOrders { get; private set; } = [];

    public bool CanReceiveOrders => User.Can(Permission.ReceiveAgainstPurchaseOrder) && User.Can(Permission.Receive);

    public string UserName => User.FindFirst(AuthClaims.Name)?.Value ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Locations = await data.LocationsAsync(cancellationToken);
        Modes = AllModes.Where(m => User.Can(m.Needs)).Select(m => m.Mode).ToList();
        if (CanReceiveOrders)
        {
            var site = options.Value.Site.Code;
            OpenOrders = await db.PurchaseOrders.AsNoTracking()
                .Where(o => o.SiteCode == site && o.CancelledAt == null && o.ClosedAt == null)
                .OrderByDescending(o => o.CreatedAt).Take(MaxOpenOrders).Select(o => o.Number).ToListAsync(cancellationToken);
        }
    }

    private const int MaxOpenOrders = 200;
}
