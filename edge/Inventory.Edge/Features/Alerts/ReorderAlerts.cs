using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// What the movement writer needs to keep alerts: detectors bound to its connection, the event stream and
/// the mail sender's wake-up call.
/// </summary>
public sealed class ReorderAlerts(
    AlertEvents events, IOptions<AlertsOptions> alerts, IOptions<SmtpOptions> smtp, IOptions<EdgeOptions> edge)
{
    private readonly Channel<bool> _mailQueued = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<bool> MailQueued => _mailQueued.Reader;

    internal ReorderAlertDetector CreateDetector(SqliteConnection connection)
    {
        // Validated at start (AddAlerts), so this parse succeeds.
        _ = MailAddresses.TryParse(alerts.Value.Recipients, out var global);
        return new ReorderAlertDetector(connection, edge.Value.Site.Code, smtp.Value.Enabled ? global : null, this);
    }

    internal void Published(IReadOnlyList<AlertChanged> changes, bool mailQueued)
    {
        foreach (var change in changes)
        {
            events.Publish(change);
        }

        if (mailQueued)
        {
            _mailQueued.Writer.TryWrite(true);
        }
    }
}
