using System.Threading.Channels;
using Inventory.Edge.Features.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// Reorder alerts as a ledger observer: the movement writer opens a detector on its connection and calls it
/// inside its transaction; after each commit the detector hands the alerts that opened or closed to the event
/// stream and wakes the mail sender.
/// </summary>
public sealed class ReorderAlerts(
    AlertEvents events, IOptions<AlertsOptions> alerts, IOptions<SmtpOptions> smtp, IOptions<EdgeOptions> edge)
    : ILedgerTransactionObserver
{
    private readonly Channel<bool> _mailQueued = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<bool> MailQueued => _mailQueued.Reader;

    /// <summary>Another feature queued mail (a purchase order to its supplier): the sender looks at once.</summary>
    public void WakeMailSender() => _mailQueued.Writer.TryWrite(true);

    public ILedgerTransactionSession Open(SqliteConnection connection) => CreateDetector(connection);

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
