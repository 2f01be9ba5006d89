using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Cloud.Features.Web.Pages;

[Authorize(Policy = nameof(Inventory.Domain.Accounts.Permission.ViewDiagnostics))]
public sealed class SyncModel : PageModel
{
}
