using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inventory.Web.Http;

/// <summary>
/// The headers every answer of every host carries, pages and API alike. The pages load only their own scripts and
/// styles (no inline script, no inline style, no CDN), so the policy can forbid everything else; <c>blob:</c> and
/// <c>data:</c> images are the scan page's camera frames and the label previews. No page may be framed
/// (clickjacking of a signed-in page), and no answer may be sniffed into another type.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; worker-src 'self' blob:; media-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseInventorySecurityHeaders(this IApplicationBuilder app) =>
        app.Use((ctx, next) =>
        {
            // Set before the answer starts, so error pages, static files and 401s carry them too.
            var headers = ctx.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(ctx);
        });
}
