using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Auth;
using Inventory.Web.Auth;
using Inventory.Web.UI;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Inventory.Edge.Features.Web;

/// <summary>
/// The box's own web UI: Razor Pages under Features/Web/Pages (server-rendered shells whose scripts call the same
/// JSON API and SignalR hub as any client) in the frame, sign-in and stylesheet shared with the cloud
/// (Inventory.Web.UI, served at /_content/Inventory.Web.UI), static files from wwwroot (the edge's page scripts and
/// the npm packages the build copies into wwwroot/lib), and the scan page's service worker.
/// </summary>
public static class WebUi
{
    public static IServiceCollection AddEdgeWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features/Web/Pages";
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Logout");
            o.Conventions.AddPageRoute("/Products/Edit", "/products/{id:guid}/edit");
        })
            // Named, not discovered from the entry assembly: a test host's entry assembly is the test runner.
            .AddApplicationPart(typeof(WebUi).Assembly)
            .AddApplicationPart(typeof(WebUiAssets).Assembly);
        services.AddScoped<WebData>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "inventory-edge.af";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static WebApplication UseEdgeWebFiles(this WebApplication app)
    {
        app.UseInventoryWebUiFiles();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = ctx =>
            {
                // The service worker and the files it caches are revalidated on every load, so an update of the
                // box reaches a handheld at its next page load rather than whenever a heuristic expires.
                ctx.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        return app;
    }

    public static WebApplication MapEdgeWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    public static bool Can(this HttpContext http, Permission permission) => http.User.Can(permission);
}
