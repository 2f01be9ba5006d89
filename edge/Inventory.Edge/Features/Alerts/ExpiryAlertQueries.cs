using System.Globalization;
using System.Security.Claims;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// An expiry alert: Kind is "window" (the lot entered its product's alert window) or "expired"; DaysLeft counts from
/// today (UTC) and is negative once expired; QuantityAtOpen is the lot's quantity at the location when it opened.
/// </summary>
public sealed record ExpiryAlertView(
    Guid Id, Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, string Lot, string Kind, DateOnly Expiry,
    int DaysLeft, long QuantityAtOpen, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, DateTimeOffset? AcknowledgedAt,
    Guid? AcknowledgedBy, AlertMail Mail);

/// <summary>GET /api/alerts?type=expiry (and /api/alerts/expiry), and acknowledging an expiry alert.</summary>
internal static class ExpiryAlertQueries
{
    private const string Select = """
        SELECT a.id, a.product_id, coalesce(p.sku, ''), coalesce(p.name, ''), a.location_id, coalesce(l.code, ''), a.lot, a.kind,
               a.expiry, a.quantity_at_open, a.status, a.opened_at, a.closed_at, a.acknowledged_at, a.acknowledged_by,
               o.attempts, o.sent_at, o.last_error
        FROM expiry_alerts a
        LEFT JOIN products p ON p.id = a.product_id
        LEFT JOIN locations l ON l.id = a.location_id
        LEFT JOIN mail_outbox o ON o.alert_id = a.id
        """;

    public static async Task<Results<Ok<Page<ExpiryAlertView>>, ValidationProblem>> List(
        string? status, string? kind, Guid? locationId, int? limit, string? next, EdgeDatabase database, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Require(status is null or "open" or "closed", "status", "'status' is one of open, closed.")
            .Require(kind is null or ExpiryAlertKinds.Window or ExpiryAlertKinds.Expired, "kind", "'kind' is one of window, expired.")
            .Paged(limit, next);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var take = Paging.Limit(limit);
        var offset = Paging.Cursor(next);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (status is not null)
        {
            where.Add("a.status = $status");
            command.Parameters.AddWithValue("$status", status);
        }

        if (kind is not null)
        {
            where.Add("a.kind = $kind");
            command.Parameters.AddWithValue("$kind", kind);
        }

        if (locationId is { } location)
        {
            where.Add("a.location_id = $location");
            command.Parameters.AddWithValue("$location", location.ToString("D"));
        }

        command.CommandText = Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY a.opened_at DESC, a.id DESC LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", take + 1);
        command.Parameters.AddWithValue("$offset", offset);
        var items = await ReadAsync(command, Today(time), cancellationToken);
        return TypedResults.Ok(new Page<ExpiryAlertView>(
            items.Take(take).ToList(), items.Count > take ? (offset + take).ToString(CultureInfo.InvariantCulture) : null));
    }

    /// <summary>Marks an expiry alert as seen (the first acknowledgement is kept); null when no expiry alert has this id.</summary>
    public static async Task<ExpiryAlertView?> AcknowledgeAsync(
        SqliteConnection connection, Guid id, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = """
                UPDATE expiry_alerts SET acknowledged_at = $at, acknowledged_by = $user
                WHERE id = $id AND acknowledged_at IS NULL
                """;
            update.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$user", (object?)user.UserIdOf()?.ToString("D") ?? DBNull.Value);
            update.Parameters.AddWithValue("$id", id.ToString("D"));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var find = connection.CreateCommand();
        find.CommandText = Select + " WHERE a.id = $id";
        find.Parameters.AddWithValue("$id", id.ToString("D"));
        var found = await ReadAsync(find, Today(time), cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static async Task<List<ExpiryAlertView>> ReadAsync(SqliteCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        var items = new List<ExpiryAlertView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var expiry = DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var mail = reader.IsDBNull(15)
                ? new AlertMail("none", 0, null, null)
                : new AlertMail(reader.IsDBNull(16) ? "pending" : "sent", reader.GetInt32(15), Time(reader, 16),
                    reader.IsDBNull(17) ? null : reader.GetString(17));
            items.Add(new ExpiryAlertView(
                Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                Guid.Parse(reader.GetString(4)), reader.GetString(5), reader.GetString(6), reader.GetString(7), expiry,
                expiry.DayNumber - today.DayNumber, reader.GetInt64(9), reader.GetString(10),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)), Time(reader, 12), Time(reader, 13),
                reader.IsDBNull(14) ? null : Guid.Parse(reader.GetString(14)), mail));
        }

        return items;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
