using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Alerts;

public sealed record AlertMail(string Status, int Attempts, DateTimeOffset? SentAt, string? LastError);

public sealed record AlertView(
    Guid Id, Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, string Status, int ReorderPoint,
    long AvailableAtOpen, long? AvailableAtClose, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? AcknowledgedAt, Guid? AcknowledgedBy, AlertMail Mail);

public sealed record RecipientsRequest(string? Recipients);

/// <summary>A location's own alert recipients, comma-separated (empty when it has none).</summary>
public sealed record RecipientsView(Guid LocationId, string Recipients);

public static class AlertEndpoints
{
    private const string Select = """
        SELECT a.id, a.product_id, coalesce(p.sku, ''), coalesce(p.name, ''), a.location_id, coalesce(l.code, ''), a.status,
               a.reorder_point, a.available_at_open, a.available_at_close, a.opened_at, a.closed_at, a.acknowledged_at,
               a.acknowledged_by, o.attempts, o.sent_at, o.last_error
        FROM reorder_alerts a
        LEFT JOIN products p ON p.id = a.product_id
        LEFT JOIN locations l ON l.id = a.location_id
        LEFT JOIN mail_outbox o ON o.alert_id = a.id
        """;

    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || (o.From is not null && MimeKit.MailboxAddress.TryParse(o.From, out _)),
                "Inventory:Smtp:From must be a sender address when Inventory:Smtp:Host is set.")
            .ValidateOnStart();
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations()
            .Validate(o => MailAddresses.TryParse(o.Recipients, out _), "Inventory:Alerts:Recipients must be comma-separated e-mail addresses.")
            .ValidateOnStart();
        services.AddSingleton<AlertEvents>();
        services.AddSingleton<ReorderAlerts>();
        // The movement writer calls it inside its transaction, knowing only the ledger's observer interface.
        services.AddSingleton<ILedgerTransactionObserver>(sp => sp.GetRequiredService<ReorderAlerts>());
        services.AddHostedService<AlertMailSender>();
        services.AddSingleton<ExpiryAlertScanner>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryAlertScanner>());
        return services;
    }

    public static void MapAlertsApi(this WebApplication app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListAlerts")
            .WithSummary("Alerts, newest first: type=reorder (default) or expiry (items as in GET /api/alerts/expiry); status=open|closed; paged with limit/next.");
        alerts.MapGet("/expiry", ExpiryAlertQueries.List).RequirePermission(Permission.ViewInventory)
            .WithName("ListExpiryAlerts")
            .WithSummary("Expiry alerts (the same as GET /api/alerts?type=expiry), newest first: status=open|closed, kind=window|expired; paged with limit/next.");
        alerts.MapPost("/{id:guid}/acknowledge", Acknowledge).RequirePermission(Permission.AcknowledgeAlerts)
            .WithName("AcknowledgeAlert")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Marks a reorder or expiry alert as seen (the first acknowledgement is kept); it still closes only when stock recovers (reorder) or the lot has none left at the location (expiry).");
        alerts.MapGet("/recipients/{locationId:guid}", GetRecipients).RequirePermission(Permission.ManageLocations)
            .WithName("GetAlertRecipients")
            .WithSummary("Who gets low-stock mail for this location, besides Inventory:Alerts:Recipients.");
        alerts.MapPut("/recipients/{locationId:guid}", PutRecipients).RequirePermission(Permission.ManageLocations)
            .WithName("PutAlertRecipients")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sets this location's alert recipients (comma-separated; empty clears).");
    }

    // Two 200 shapes: OpenAPI keeps the last one listed, so the reorder view (the default) is last and the expiry view
    // is documented by GET /api/alerts/expiry. Likewise for Acknowledge.
    private static async Task<Results<Ok<Page<ExpiryAlertView>>, Ok<Page<AlertView>>, ValidationProblem>> List(
        string? type, string? status, string? kind, Guid? locationId, int? limit, string? next, EdgeDatabase database, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (type == AlertChanged.ExpiryType)
        {
            var expiry = await ExpiryAlertQueries.List(status, kind, locationId, limit, next, database, time, cancellationToken);
            return expiry.Result switch
            {
                Ok<Page<ExpiryAlertView>> ok => ok,
                ValidationProblem problem => problem,
                _ => throw new InvalidOperationException("Unexpected result from the expiry alert list."),
            };
        }

        var v = new Validation()
            .Require(type is null or AlertChanged.Reorder, "type", "'type' is one of reorder, expiry.")
            .Require(kind is null, "kind", "'kind' applies to type=expiry only.")
            .Require(status is null or "open" or "closed", "status", "'status' is one of open, closed.")
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

        if (locationId is { } location)
        {
            where.Add("a.location_id = $location");
            command.Parameters.AddWithValue("$location", location.ToString("D"));
        }

        command.CommandText = Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY a.opened_at DESC, a.id DESC LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", take + 1);
        command.Parameters.AddWithValue("$offset", offset);
        var items = await ReadAsync(command, cancellationToken);
        return TypedResults.Ok(new Page<AlertView>(
            items.Take(take).ToList(), items.Count > take ? (offset + take).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<ExpiryAlertView>, Ok<AlertView>, ProblemHttpResult>> Acknowledge(
        Guid id, ClaimsPrincipal user, EdgeDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = """
                UPDATE reorder_alerts SET acknowledged_at = $at, acknowledged_by = $user
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
        var found = await ReadAsync(find, cancellationToken);
        if (found.Count == 1)
        {
            return TypedResults.Ok(found[0]);
        }

        return await ExpiryAlertQueries.AcknowledgeAsync(connection, id, user, time, cancellationToken) is { } expiry
            ? TypedResults.Ok(expiry)
            : Problems.NotFound($"No alert with id {id}.");
    }

    private static async Task<Ok<RecipientsView>> GetRecipients(Guid locationId, EdgeDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT recipients FROM location_alert_recipients WHERE location_id = $location";
        command.Parameters.AddWithValue("$location", locationId.ToString("D"));
        var recipients = await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
        return TypedResults.Ok(new RecipientsView(locationId, recipients));
    }

    private static async Task<Results<Ok<RecipientsView>, ValidationProblem, ProblemHttpResult>> PutRecipients(
        Guid locationId, RecipientsRequest request, EdgeDatabase database, CancellationToken cancellationToken)
    {
        if (!MailAddresses.TryParse(request.Recipients, out var addresses) || addresses.Count > 50)
        {
            return new Validation().Add("recipients", "'recipients' is up to 50 e-mail addresses separated by commas.").ToProblem();
        }

        var text = string.Join(',', addresses);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = addresses.Count == 0
            ? "DELETE FROM location_alert_recipients WHERE location_id = $location"
            : """
              INSERT INTO location_alert_recipients (location_id, recipients) VALUES ($location, $recipients)
              ON CONFLICT (location_id) DO UPDATE SET recipients = excluded.recipients
              """;
        command.Parameters.AddWithValue("$location", locationId.ToString("D"));
        command.Parameters.AddWithValue("$recipients", text);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return Problems.NotFound($"No location with id {locationId}.");
        }

        return TypedResults.Ok(new RecipientsView(locationId, text));
    }

    private static async Task<List<AlertView>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<AlertView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var mail = reader.IsDBNull(14)
                ? new AlertMail("none", 0, null, null)
                : new AlertMail(reader.IsDBNull(15) ? "pending" : "sent", reader.GetInt32(14), Time(reader, 15),
                    reader.IsDBNull(16) ? null : reader.GetString(16));
            items.Add(new AlertView(
                Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                Guid.Parse(reader.GetString(4)), reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                Time(reader, 11), Time(reader, 12), reader.IsDBNull(13) ? null : Guid.Parse(reader.GetString(13)), mail));
        }

        return items;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
