using Inventory.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>Sign-out is a POST with the antiforgery token, so another site cannot sign a user out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(BrowserAuth.CookieScheme);
        return Redirect("/login");
    }
}
