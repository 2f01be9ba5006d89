using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Inventory.Web.UI;

/// <summary>
/// Serves static files embedded in an assembly: this library's at <see cref="RequestPath"/>, and a host's own page
/// scripts the same way. Embedded rather than left to the static web assets manifest, which is only read in the
/// Development environment and under the entry assembly's name (a test host's is the test runner), so the files
/// are there alike under `dotnet run`, in tests and after a publish.
/// </summary>
public static class WebUiAssets
{
    public const string RequestPath = "/_content/Inventory.Web.UI";

    public static IApplicationBuilder UseInventoryWebUiFiles(this IApplicationBuilder app) =>
        app.UseEmbeddedStaticFiles(typeof(WebUiAssets).Assembly, "Inventory.Web.UI.wwwroot", RequestPath);

    /// <summary>
    /// Files embedded under <paramref name="baseNamespace"/> (resource names are the folder path with dots, so
    /// folder names must be plain identifiers), revalidated on every load so an update reaches a browser at its next
    /// page load rather than whenever a heuristic expires.
    /// </summary>
    public static IApplicationBuilder UseEmbeddedStaticFiles(this IApplicationBuilder app, Assembly assembly, string baseNamespace, PathString requestPath) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(assembly, baseNamespace),
            RequestPath = requestPath,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
}
