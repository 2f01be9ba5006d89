using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inventory.Web.Auth;

/// <summary>
/// Sign-in for the browser UI beside the bearer tokens of API clients. A policy scheme picks per request:
/// bearer when an Authorization header (or SignalR's access_token) is present, or when an API call carries no
/// sign-in cookie, so anonymous API calls keep getting 401 with <c>WWW-Authenticate: Bearer</c>; the cookie
/// otherwise. Both end in the same claims (<see cref="AuthClaims"/>), so the permission policies and the
/// "user still current" check serve both alike.
/// </summary>
public static class BrowserAuth
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string PolicyScheme = "BearerOrCookie";

    /// <summary>
    /// Cookie-authenticated API writes must carry this header. A page of another site can send a form or a
    /// "simple" request with our cookie (if SameSite were ever bypassed) but never a custom header without a
    /// CORS preflight, which these services never grant. Unlike a per-page antiforgery token it stays valid for
    /// scans queued offline and replayed by a page served from the service worker's cache.
    /// </summary>
    public const string ClientHeader = "X-Inventory-Client";

    public static AuthenticationBuilder AddInventoryCookie(this AuthenticationBuilder authentication, string cookieName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cookieName);
        authentication.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = cookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = async ctx =>
                {
                    var sessions = ctx.HttpContext.RequestServices.GetRequiredService<IUserSessionCheck>();
                    var principal = ctx.Principal;
                    if (principal?.UserIdOf() is not { } id
                        || !await sessions.IsCurrentAsync(id, principal.FindFirst(AuthClaims.Stamp)?.Value,
                            principal.FindFirst(AuthClaims.Role)?.Value, ctx.HttpContext.RequestAborted))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CookieScheme);
                    }
                },
                // An API call or a hub is answered with a status, never sent to the sign-in page.
                OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden),
            };
        });
        authentication.Services.AddSingleton<SessionTicketStore>();
        authentication.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<TokenIssuerOptions>, SessionTicketStore>((o, tokens, sessions) =>
            {
                o.ExpireTimeSpan = tokens.Value.Lifetime;
                // Server-side sessions: sign-out ends the session, not only the browser's copy of the cookie.
                o.SessionStore = sessions;
            });
        authentication.AddPolicyScheme(PolicyScheme, "Bearer token or sign-in cookie", o =>
            o.ForwardDefaultSelector = ctx => UsesBearer(ctx.Request, cookieName) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme);
        authentication.Services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = PolicyScheme;
            o.DefaultChallengeScheme = PolicyScheme;
            o.DefaultForbidScheme = PolicyScheme;
        });
        return authentication;
    }

    /// <summary>The principal a sign-in cookie carries: the same four claims as a bearer token.</summary>
    public static ClaimsPrincipal Principal(Guid userId, string username, string role, string securityStamp) =>
        new(new ClaimsIdentity(
            [
                new Claim(AuthClaims.UserId, userId.ToString()),
                new Claim(AuthClaims.Name, username),
                new Claim(AuthClaims.Role, role),
                new Claim(AuthClaims.Stamp, securityStamp),
            ],
            CookieScheme, AuthClaims.Name, AuthClaims.Role));

    /// <summary>Refuses cookie-authenticated API writes that lack <see cref="ClientHeader"/> (see there why).</summary>
    public static IApplicationBuilder UseInventoryBrowserCsrfCheck(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var request = ctx.Request;
            if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
                && ctx.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieScheme }
                && !request.Headers.ContainsKey(ClientHeader))
            {
                await TypedResults.Problem(
                    $"A signed-in browser must send the {ClientHeader} header with this request.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Missing client header").ExecuteAsync(ctx);
                return;
            }

            await next(ctx);
        });

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    private static bool UsesBearer(HttpRequest request, string cookieName)
    {
        if (request.Headers.Authorization.Count > 0)
        {
            return true;
        }

        if (!IsApi(request))
        {
            return false;
        }

        return request.Query.ContainsKey("access_token") || !request.Cookies.ContainsKey(cookieName);
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
