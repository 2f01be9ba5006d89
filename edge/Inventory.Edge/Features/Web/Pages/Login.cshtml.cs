using Inventory.Edge.Features.Auth;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>The browser's sign-in: the same password check and lock-out as /api/auth/token, ending in a cookie.</summary>
public sealed class LoginModel(LoginService logins) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password) || Username.Length > 64 || Password.Length > 128)
        {
            Error = "Give a username and a password.";
            return Page();
        }

        var check = await logins.CheckAsync(Username.Trim(), Password, cancellationToken);
        switch (check)
        {
            case { Outcome: LoginOutcome.Success, User: { } user }:
                var principal = BrowserAuth.Principal(user.Id, user.Username, user.Role, user.SecurityStamp);
                // Persistent for the cookie's lifetime (a shift), so a handheld that restarts its browser keeps scanning.
                await HttpContext.SignInAsync(BrowserAuth.CookieScheme, principal, new AuthenticationProperties { IsPersistent = true });
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case { Outcome: LoginOutcome.LockedOut }:
                var seconds = (int)Math.Ceiling(check.RetryAfter.TotalSeconds);
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Error = $"Too many failed sign-ins. Try again in {seconds} s.";
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Error = "Wrong username or password.";
                return Page();
        }
    }
}
