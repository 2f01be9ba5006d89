using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>Listens to the configured HTTP URLs (--urls, ASPNETCORE_URLS) as Kestrel itself would.</summary>
internal static class KestrelUrls
{
    public static void Listen(KestrelServerOptions kestrel, string? urls)
    {
        foreach (var url in (urls ?? $"http://localhost:{EdgeApp.DefaultPort}").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = BindingAddress.Parse(url);
            Action<ListenOptions> configure = address.Scheme == "https" ? l => l.UseHttps() : _ => { };
            if (address.IsUnixPipe)
            {
                kestrel.ListenUnixSocket(address.UnixPipePath, configure);
            }
            else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(address.Port, configure);
            }
            else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
            {
                kestrel.Listen(ip, address.Port, configure);
            }
            else
            {
                // "*", "+" or a host name: Kestrel binds every interface for these as well.
                kestrel.ListenAnyIP(address.Port, configure);
            }
        }
    }
}

/// <summary>
/// The configured URLs are listened to in code (<see cref="KestrelUrls"/>); left in the server's address list
/// as well, Kestrel would warn at every start that it overrides them.
/// </summary>
internal sealed class UrlsListenedInCode : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.ServerFeatures.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.Clear();
        next(app);
    };
}
