using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>The dashboard's shell: the filters; dashboard.js loads the levels and keeps them live over SignalR.</summary>
public sealed class IndexModel(EdgeDbContext db, WebData data) : PageModel
{
    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Locations = await data.LocationsAsync(cancellationToken);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }
}
