using System.Globalization;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// Expiry alerts: a scan at start and then daily at Inventory:Alerts:ExpiryScanAt (UTC). For every lot on hand at a
/// location whose expiry (the lot's, else the stock level's) is within the product's expiry_alert_days, it opens one
/// alert per (product, location, lot, kind, expiry): kind "window" while the lot has not expired, "expired" once it has.
/// The unique index plus INSERT … ON CONFLICT DO NOTHING make a rescan, a restart or two scans at once harmless, and
/// movements never open one (a lot moving ten times a day still has one alert). Alerts whose lot has no stock left at
/// their location close. Each alert's mail is queued in the same transaction as the alert row; writes go in short
/// chunks so the ledger writer never waits long for SQLite's single write lock.
/// </summary>
public sealed partial class ExpiryAlertScanner(
    EdgeDatabase database, AlertEvents events, ReorderAlerts mail, IOptions<AlertsOptions> options, IOptions<SmtpOptions> smtp,
    IOptions<EdgeOptions> edge, TimeProvider time, ILogger<ExpiryAlertScanner> logger) : BackgroundService
{
    /// <summary>Alerts written per transaction: each is two small inserts, so a chunk holds the lock for milliseconds.</summary>
    internal const int ChunkSize = 200;

    private readonly SemaphoreSlim _oneScan = new(1, 1);

    private sealed record Candidate(
        Guid ProductId, Guid LocationId, string Lot, DateOnly Expiry, long Quantity, string Sku, string LocationCode);

    /// <summary>When the last scan finished without error (null before the first).</summary>
    public DateTimeOffset? LastSuccess { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Busy past the timeout or the disk full: tomorrow's scan (or the next start) catches up, nothing is lost.
                LogScanFailed(logger, ex);
            }

            await Task.Delay(UntilNext(time.GetUtcNow(), options.Value.ExpiryScanAt), time, stoppingToken);
        }
    }

    /// <summary>How long from <paramref name="now"/> until the next <paramref name="at"/> (UTC); a full day when it is now.</summary>
    internal static TimeSpan UntilNext(DateTimeOffset now, TimeOnly at)
    {
        var utc = now.UtcDateTime;
        var next = new DateTimeOffset(DateOnly.FromDateTime(utc).ToDateTime(at), TimeSpan.Zero);
        if (next <= now)
        {
            next = next.AddDays(1);
        }

        return next - now;
    }

    /// <summary>One scan: opens what is due, closes what has no stock left. Returns how many alerts opened.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        await _oneScan.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            await using var connection = await database.OpenAsync(cancellationToken);
            var due = await ReadDueAsync(connection, today, cancellationToken);
            var opened = 0;
            foreach (var chunk in due.Chunk(ChunkSize))
            {
                opened += await OpenChunkAsync(connection, chunk, today, now, cancellationToken);
            }

            while (await CloseChunkAsync(connection, now, cancellationToken) == ChunkSize)
            {
                // More to close: another short transaction.
            }

            LastSuccess = now;
            return opened;
        }
        finally
        {
            _oneScan.Release();
        }
    }

    /// <summary>Lots on hand per location (bins summed) whose expiry is on or before today + the product's window.</summary>
    private static async Task<List<Candidate>> ReadDueAsync(SqliteConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // ISO dates compare as text; the window's end is per product, so it is computed here with SQLite's date().
        command.CommandText = """
            SELECT s.product_id, s.location_id, s.lot, coalesce(lt.expiry, min(s.expiry)) AS due_expiry, sum(s.quantity),
                   p.sku, coalesce(l.code, '')
            FROM stock_levels s
            JOIN products p ON p.id = s.product_id
            LEFT JOIN lots lt ON lt.product_id = s.product_id AND lt.code = s.lot
            LEFT JOIN locations l ON l.id = s.location_id
            WHERE s.lot <> '' AND s.quantity > 0
            GROUP BY s.product_id, s.location_id, s.lot
            HAVING due_expiry IS NOT NULL AND due_expiry <= date($today, '+' || p.expiry_alert_days || ' days')
            """;
        command.Parameters.AddWithValue("$today", Iso(today));
        var due = new List<Candidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!DateOnly.TryParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
            {
                continue; // Not a date: no rule can place it in a window.
            }

            due.Add(new Candidate(
                Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), expiry, reader.GetInt64(4),
                reader.GetString(5), reader.GetString(6)));
        }

        return due;
    }

    private async Task<int> OpenChunkAsync(
        SqliteConnection connection, Candidate[] chunk, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changes = new List<AlertChanged>();
        var mailQueued = false;
        var ms = now.ToUnixTimeMilliseconds();
        // Validated at start (AddAlerts), so this parse succeeds.
        _ = MailAddresses.TryParse(options.Value.Recipients, out var global);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO expiry_alerts (id, product_id, location_id, lot, kind, expiry, quantity_at_open, status, opened_at)
                VALUES ($id, $product, $location, $lot, $kind, $expiry, $quantity, 'open', $at)
                ON CONFLICT (product_id, location_id, lot, kind, expiry) DO NOTHING
                """;
            foreach (var name in new[] { "$id", "$product", "$location", "$lot", "$kind", "$expiry", "$quantity", "$at" })
            {
                insert.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            foreach (var due in chunk)
            {
                var kind = due.Expiry < today ? ExpiryAlertKinds.Expired : ExpiryAlertKinds.Window;
                var id = Guid.CreateVersion7(now);
                insert.Parameters["$id"].Value = id.ToString("D");
                insert.Parameters["$product"].Value = due.ProductId.ToString("D");
                insert.Parameters["$location"].Value = due.LocationId.ToString("D");
                insert.Parameters["$lot"].Value = due.Lot;
                insert.Parameters["$kind"].Value = kind;
                insert.Parameters["$expiry"].Value = Iso(due.Expiry);
                insert.Parameters["$quantity"].Value = due.Quantity;
                insert.Parameters["$at"].Value = ms;
                if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    continue; // Already raised by an earlier scan.
                }

                changes.Add(new AlertChanged(id, due.ProductId, due.Sku, due.LocationId, due.LocationCode, "open", due.Quantity, null, now,
                    AlertChanged.ExpiryType, due.Lot, kind, due.Expiry));
                if (smtp.Value.Enabled)
                {
                    mailQueued |= await QueueMailAsync(connection, transaction, id, due, kind, today, global, ms, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Publish(changes, mailQueued);
        return changes.Count;
    }

    private async Task<bool> QueueMailAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid alertId, Candidate due, string kind, DateOnly today,
        List<string> global, long ms, CancellationToken cancellationToken)
    {
        var recipients = new List<string>(global);
        await using (var extra = connection.CreateCommand())
        {
            extra.Transaction = transaction;
            extra.CommandText = "SELECT recipients FROM location_alert_recipients WHERE location_id = $location";
            extra.Parameters.AddWithValue("$location", due.LocationId.ToString("D"));
            if (await extra.ExecuteScalarAsync(cancellationToken) is string text && MailAddresses.TryParse(text, out var more))
            {
                recipients.AddRange(more.Where(m => !recipients.Contains(m, StringComparer.OrdinalIgnoreCase)));
            }
        }

        if (recipients.Count == 0)
        {
            return false;
        }

        var site = edge.Value.Site.Code;
        var days = due.Expiry.DayNumber - today.DayNumber;
        var expiry = Iso(due.Expiry);
        var (subject, state) = kind == ExpiryAlertKinds.Expired
            ? ($"[{site}] Expired: {due.Sku} lot {due.Lot} at {due.LocationCode} (expired {expiry})",
                $"expired on {expiry} ({-days} days ago)")
            : ($"[{site}] Expiring: {due.Sku} lot {due.Lot} at {due.LocationCode} ({expiry}, {days} days left)",
                $"expires on {expiry} ({days} days left)");
        await using var queue = connection.CreateCommand();
        queue.Transaction = transaction;
        queue.CommandText = """
            INSERT INTO mail_outbox (alert_id, recipients, subject, body, created_at, attempts, next_attempt_at)
            VALUES ($alert, $recipients, $subject, $body, $at, 0, $at)
            """;
        queue.Parameters.AddWithValue("$alert", alertId.ToString("D"));
        queue.Parameters.AddWithValue("$recipients", string.Join(',', recipients));
        queue.Parameters.AddWithValue("$subject", subject);
        queue.Parameters.AddWithValue("$body", $"""
            Lot {due.Lot} of {due.Sku} at location {due.LocationCode}, site {site}, {state}.

            Quantity on hand: {due.Quantity}

            You get one mail when a lot enters its product's alert window and one when it expires, not one per
            movement. The alert closes when the lot has no stock left at this location. See GET /api/reports/expiry.
            """);
        queue.Parameters.AddWithValue("$at", ms);
        await queue.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Closes up to a chunk of open alerts whose lot has no stock left at their location; returns how many.</summary>
    private async Task<int> CloseChunkAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changes = new List<AlertChanged>();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var find = connection.CreateCommand())
            {
                find.Transaction = transaction;
                find.CommandText = """
                    SELECT a.id, a.product_id, a.location_id, a.lot, a.kind, a.expiry, coalesce(p.sku, ''), coalesce(l.code, '')
                    FROM expiry_alerts a
                    LEFT JOIN products p ON p.id = a.product_id
                    LEFT JOIN locations l ON l.id = a.location_id
                    WHERE a.status = 'open' AND NOT EXISTS (
                        SELECT 1 FROM stock_levels s
                        WHERE s.product_id = a.product_id AND s.location_id = a.location_id AND s.lot = a.lot AND s.quantity > 0)
                    LIMIT $limit
                    """;
                find.Parameters.AddWithValue("$limit", ChunkSize);
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    changes.Add(new AlertChanged(
                        Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(6),
                        Guid.Parse(reader.GetString(2)), reader.GetString(7), "closed", 0, null, now, AlertChanged.ExpiryType,
                        reader.GetString(3), reader.GetString(4),
                        DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }
            }

            await using var close = connection.CreateCommand();
            close.Transaction = transaction;
            close.CommandText = "UPDATE expiry_alerts SET status = 'closed', closed_at = $at WHERE id = $id AND status = 'open'";
            close.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
            var id = close.Parameters.Add(new SqliteParameter("$id", DBNull.Value));
            foreach (var change in changes)
            {
                id.Value = change.AlertId.ToString("D");
                await close.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Publish(changes, mailQueued: false);
        return changes.Count;
    }

    /// <summary>After the commit only: a rolled-back chunk tells nobody anything.</summary>
    private void Publish(List<AlertChanged> changes, bool mailQueued)
    {
        foreach (var change in changes)
        {
            events.Publish(change);
        }

        if (mailQueued)
        {
            mail.WakeMailSender();
        }

        if (changes.Count > 0)
        {
            var opened = changes.Count(c => c.Status == "open");
            LogChanged(logger, opened, changes.Count - opened);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override void Dispose()
    {
        _oneScan.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry scan: {Opened} alerts opened, {Closed} closed")]
    private static partial void LogChanged(ILogger logger, int opened, int closed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The expiry scan failed; it runs again at the next scheduled time")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}

/// <summary>The two kinds of expiry alert a lot can raise.</summary>
public static class ExpiryAlertKinds
{
    public const string Window = "window";
    public const string Expired = "expired";
}
