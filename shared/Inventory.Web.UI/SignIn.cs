using System.Globalization;
using System.Security.Claims;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.UI;

/// <summary>The browser's sign-in: the host's password check, ending in a cookie. Markup: Pages/Shared/_SignIn.cshtml.</summary>
public sealed class SignInModel(SignInGate passwords) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password) || Username.Length > 64 || Password.Length > 128)
        {
            Error = "Give a username and a password.";
            return Page();
        }

        var check = await passwords.CheckAsync(Username.Trim(), Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (check)
        {
            case { Outcome: LoginOutcome.Success, User: { } user }:
                var principal = BrowserAuth.Principal(user.Id, user.Username, user.Role, user.SecurityStamp);
                // Persistent for the cookie's lifetime (a shift), so a browser that restarts keeps its session.
                await HttpContext.SignInAsync(BrowserAuth.CookieScheme, principal, new AuthenticationProperties { IsPersistent = true });
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case { Outcome: LoginOutcome.LockedOut }:
                var seconds = (int)Math.Ceiling(check.RetryAfter.TotalSeconds);
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
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

/// <summary>Sign-out is a POST with the antiforgery token, so another site cannot sign a user out.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(BrowserAuth.CookieScheme);
        return Redirect("/login");
    }
}
