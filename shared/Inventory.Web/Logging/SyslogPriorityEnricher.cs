using Serilog.Core;
using Serilog.Events;

namespace Inventory.Web.Logging;

/// <summary>Adds "&lt;n&gt;", the sd-daemon priority prefix journald reads from a service's stdout.</summary>
public sealed class SyslogPriorityEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var priority = logEvent.Level switch
        {
            LogEventLevel.Fatal => "<2>",
            LogEventLevel.Error => "<3>",
            LogEventLevel.Warning => "<4>",
            LogEventLevel.Information => "<6>",
            _ => "<7>",
        };
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("SyslogPriority", priority));
    }
}
