using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Inventory.Web.Http;

public static class RequestLogging
{
    /// <summary>
    /// One line per request with the path only: query strings may carry search terms or tokens
    /// (SignalR's access_token), and neither belongs in a log.
    /// </summary>
    public static IApplicationBuilder UseSerilogRequestLoggingWithoutSecrets(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // The host's own logger: without it the middleware writes to the process-wide Serilog.Log,
            // which AddInventoryLogging leaves alone (see there).
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = (ctx, _, ex) => ex is not null || ctx.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Debug;
        });
}
