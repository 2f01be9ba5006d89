using Inventory.Cloud.Features.Auth;
using Inventory.Web.Auth;
using Inventory.Web.UI;

namespace Inventory.Cloud.Features.Web;

/// <summary>
/// Head office's dashboard: Razor Pages under Features/Web/Pages (server-rendered shells whose scripts call the same
/// JSON API and SignalR hub as any client), the shared frame, sign-in and stylesheet of Inventory.Web.UI, and this
/// feature's own scripts (Features/Web/Scripts, embedded, served at /scripts).
/// </summary>
public static class CloudWeb
{
    public const string CookieName = "inventory-cloud";

    public static IServiceCollection AddCloudWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features/Web/Pages";
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Logout");
        })
            // Named, not discovered from the entry assembly: a test host's entry assembly is the test runner.
            .AddApplicationPart(typeof(CloudWeb).Assembly)
            .AddApplicationPart(typeof(WebUiAssets).Assembly);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName + ".af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static WebApplication UseCloudWebFiles(this WebApplication app)
    {
        app.UseInventoryWebUiFiles();
        app.UseEmbeddedStaticFiles(typeof(CloudWeb).Assembly, "Inventory.Cloud.Features.Web.Scripts", "/scripts");
        return app;
    }

    public static WebApplication MapCloudWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
