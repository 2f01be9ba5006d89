using Microsoft.AspNetCore.Http;

namespace Inventory.Web.UI;

public static class Nav
{
    /// <summary>The aria-current value of a main menu link: "page" on the page it leads to (or below it).</summary>
    public static string Current(this HttpContext http, string href)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path.Value ?? "/";
        var here = href == "/" ? path == "/" : path.StartsWith(href, StringComparison.OrdinalIgnoreCase);
        return here ? "page" : "false";
    }
}
