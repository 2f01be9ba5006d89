using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages.Products;

/// <summary>
/// CSV import (ImportCatalog) and export (ExportData) of the catalog. Either permission opens the page, each
/// part is shown only to the roles that may use it; the script sends the API's own upload and polls its job.
/// </summary>
public sealed class ProductImportModel : PageModel
{
    public IActionResult OnGet() =>
        User.Can(Permission.ImportCatalog) || User.Can(Permission.ExportData) ? Page() : Forbid();
}
