using Inventory.Cloud.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Web.Pages;

/// <summary>The movements page's shell: the sites for the filter and every location's code for the rows.</summary>
public sealed class MovementsModel(CloudDbContext db) : PageModel
{
    public IReadOnlyList<string> Sites { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Locations { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
        Locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
    }
}
