using System.Globalization;
using Inventory.Edge.Features.Ledger;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// Opens and closes reorder alerts inside the movement writer's transaction. The writer knows each
/// touched level's new available quantity and its reorder point (location's, else product's) at the
/// moment it changes, so deciding there means an alert can never be missed or doubled: it commits or
/// rolls back with the movement, and its mail is queued in the same transaction (a crash after the
/// commit still sends it; a crash before leaves neither). Cost on the hot path: one indexed UPDATE per
/// touched level that is above its point, an INSERT only when an alert actually opens.
/// </summary>
internal sealed class ReorderAlertDetector : ILedgerTransactionSession
{
    private readonly string _siteCode;
    private readonly IReadOnlyList<string>? _globalRecipients;
    private readonly ReorderAlerts _owner;
    private readonly SqliteCommand _open;
    private readonly SqliteCommand _close;
    private readonly SqliteCommand _locationRecipients;
    private readonly SqliteCommand _queueMail;
    private readonly List<AlertChanged> _pending = [];
    private bool _mailPending;
    private int _commandStart;

    public ReorderAlertDetector(SqliteConnection connection, string siteCode, IReadOnlyList<string>? globalRecipients, ReorderAlerts owner)
    {
        _siteCode = siteCode;
        _globalRecipients = globalRecipients;
        _owner = owner;
        _open = Prepare(connection, """
            INSERT INTO reorder_alerts (id, product_id, location_id, status, reorder_point, available_at_open, opened_at)
            VALUES ($id, $product, $location, 'open', $point, $available, $at)
            ON CONFLICT (product_id, location_id) WHERE status = 'open' DO NOTHING
            """, "$id", "$product", "$location", "$point", "$available", "$at");
        _close = Prepare(connection, """
            UPDATE reorder_alerts SET status = 'closed', closed_at = $at, available_at_close = $available
            WHERE product_id = $product AND location_id = $location AND status = 'open'
            RETURNING id
            """, "$product", "$location", "$available", "$at");
        _locationRecipients = Prepare(connection,
            "SELECT recipients FROM location_alert_recipients WHERE location_id = $location", "$location");
        _queueMail = Prepare(connection, """
            INSERT INTO mail_outbox (alert_id, recipients, subject, body, created_at, attempts, next_attempt_at)
            VALUES ($alert, $recipients, $subject, $body, $at, 0, $at)
            """, "$alert", "$recipients", "$subject", "$body", "$at");
    }

    /// <summary>Remembers where this command's events start, to cut them off if it rolls back.</summary>
    public void BeginCommand() => _commandStart = _pending.Count;

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in new[] { _open, _close, _locationRecipients, _queueMail })
        {
            command.Transaction = transaction;
        }
    }

    public void Observe(in ChangedLevel level)
    {
        var (productId, locationId, sku, locationCode, available, reorderPoint, now) = level;
        var ms = now.ToUnixTimeMilliseconds();
        var product = productId.ToString("D");
        var location = locationId.ToString("D");
        if (reorderPoint is { } point && available <= point)
        {
            var id = Guid.CreateVersion7();
            Set(_open, "$id", id.ToString("D"));
            Set(_open, "$product", product);
            Set(_open, "$location", location);
            Set(_open, "$point", point);
            Set(_open, "$available", available);
            Set(_open, "$at", ms);
            if (_open.ExecuteNonQuery() == 1)
            {
                _pending.Add(new AlertChanged(id, productId, sku, locationId, locationCode, "open", available, point, now));
                QueueMail(id, location, sku, locationCode, available, point, ms);
            }

            return;
        }

        Set(_close, "$product", product);
        Set(_close, "$location", location);
        Set(_close, "$available", available);
        Set(_close, "$at", ms);
        if (_close.ExecuteScalar() is string closed)
        {
            _pending.Add(new AlertChanged(Guid.Parse(closed), productId, sku, locationId, locationCode, "closed", available, reorderPoint, now));
        }
    }

    /// <summary>Forgets what a rolled-back command did (its rows went with the savepoint).</summary>
    public void RollbackCommand() => _pending.RemoveRange(_commandStart, _pending.Count - _commandStart);

    /// <summary>After the commit: tell listeners and wake the mail sender.</summary>
    public void Committed()
    {
        if (_pending.Count > 0 || _mailPending)
        {
            _owner.Published([.. _pending], _mailPending);
        }

        Discard();
    }

    public void Discard()
    {
        _pending.Clear();
        _mailPending = false;
        _commandStart = 0;
    }

    public void Dispose()
    {
        _open.Dispose();
        _close.Dispose();
        _locationRecipients.Dispose();
        _queueMail.Dispose();
    }

    private void QueueMail(Guid alertId, string location, string sku, string locationCode, long available, int point, long ms)
    {
        if (_globalRecipients is null)
        {
            return; // No SMTP server configured: the alert is in the app only.
        }

        var recipients = new List<string>(_globalRecipients);
        Set(_locationRecipients, "$location", location);
        if (_locationRecipients.ExecuteScalar() is string extra && MailAddresses.TryParse(extra, out var more))
        {
            recipients.AddRange(more.Where(m => !recipients.Contains(m, StringComparer.OrdinalIgnoreCase)));
        }

        if (recipients.Count == 0)
        {
            return;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Set(_queueMail, "$alert", alertId.ToString("D"));
        Set(_queueMail, "$recipients", string.Join(',', recipients));
        Set(_queueMail, "$subject", $"[{_siteCode}] Low stock: {sku} at {locationCode} ({available} available, reorder point {point})");
        Set(_queueMail, "$body", $"""
            Stock of {sku} at location {locationCode}, site {_siteCode}, fell to or below its reorder point.

            Available: {available}
            Reorder point: {point}
            Since: {at} UTC

            This alert stays open until available stock rises above the reorder point; you will not get another
            mail for it until then. See GET /api/reports/reorder for what to order.
            """);
        Set(_queueMail, "$at", ms);
        _queueMail.ExecuteNonQuery();
        _mailPending = true;
    }

    private static void Set(SqliteCommand command, string name, object value) => command.Parameters[name].Value = value;

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }
}
