using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// Queues the mail of each sent PO of this site to its supplier: the PO as PDF (with prices: the supplier's own) in
/// one mail_outbox row, written in the same transaction that sets the PO's MailQueuedAt, so a PO is queued once —
/// and the unique index on mail_outbox.purchase_order_id holds that even against a second pass. Runs after a send
/// here and every MailPollInterval, so a PO sent in the cloud and pulled here is mailed by its box too. The alert
/// mail sender then delivers the row (retrying while the server is down); without SMTP settings the row waits.
/// </summary>
public sealed partial class PurchaseOrderMailer(
    IServiceScopeFactory scopes, PurchaseOrderMailSignal signal, ReorderAlerts mailSender, IOptions<EdgeOptions> edge,
    IOptions<PurchasingOptions> options, TimeProvider time, ILogger<PurchaseOrderMailer> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MailPollInterval, time);
        Task<bool>? tick = null;
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await QueueDueAsync(stoppingToken) > 0)
                {
                    mailSender.WakeMailSender();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Database busy past its timeout, a font missing: logged, tried again at the next pass.
                LogPassFailed(logger, ex);
            }

            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            wake ??= signal.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var done = await Task.WhenAny(tick, wake);
            if (done == tick)
            {
                tick = null;
            }
            else
            {
                wake = null;
                signal.Reader.TryRead(out _);
            }
        }
    }

    /// <summary>Queues every due PO's mail; returns how many were queued.</summary>
    internal async Task<int> QueueDueAsync(CancellationToken ct)
    {
        var queued = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
            var site = edge.Value.Site.Code;
            var due = await (from o in db.PurchaseOrders.AsNoTracking()
                             join s in db.Suppliers.AsNoTracking() on o.SupplierId equals s.Id
                             where o.SentAt != null && o.MailQueuedAt == null && o.CancelledAt == null && o.ClosedAt == null
                                   && o.SiteCode == site && s.Email != null && s.Email != ""
                             orderby o.SentAt
                             select o.Id).Take(BatchSize).ToListAsync(ct);
            var batch = 0;
            foreach (var id in due)
            {
                batch += await QueueAsync(scope.ServiceProvider, id, ct) ? 1 : 0;
            }

            queued += batch;
            if (due.Count < BatchSize || batch == 0)
            {
                return queued;
            }
        }
    }

    private async Task<bool> QueueAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        var db = services.GetRequiredService<EdgeDbContext>();
        var documents = services.GetRequiredService<PurchaseOrderDocuments>();
        db.ChangeTracker.Clear();
        var document = await documents.LoadAsync(id, showPrices: true, ct);
        var po = await db.PurchaseOrders.FirstOrDefaultAsync(o => o.Id == id && o.MailQueuedAt == null, ct);
        if (document?.SupplierEmail is null || po is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var order = document.Order;
        db.Set<MailOutboxMessage>().Add(new MailOutboxMessage
        {
            PurchaseOrderId = id,
            Recipients = document.SupplierEmail,
            Subject = $"Purchase order {order.Number}",
            Body = Body(document),
            AttachmentName = order.Number + ".pdf",
            AttachmentType = "application/pdf",
            Attachment = documents.Render(document),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        po.MailQueuedAt = now;
        try
        {
            // One SaveChanges, one transaction: the outbox row and the PO's mark commit together or not at all.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Queued meanwhile (the unique index on purchase_order_id refused a second row): nothing more to do.
            LogAlreadyQueued(logger, order.Number);
            db.ChangeTracker.Clear();
            return false;
        }

        LogQueued(logger, order.Number);
        return true;
    }

    private static string Body(PurchaseOrderDocument doc)
    {
        var order = doc.Order;
        var expected = order.ExpectedDate is { } date ? $"Expected delivery: {date:yyyy-MM-dd}.\n" : "";
        return $"""
            Dear {doc.SupplierName},

            please find attached our purchase order {order.Number} ({order.Lines.Count} line{(order.Lines.Count == 1 ? "" : "s")}).
            {expected}Deliver to: {doc.LocationName}{(doc.LocationAddress is null ? "" : ", " + doc.LocationAddress.ReplaceLineEndings(", "))}.
            Please quote {order.Number} on the delivery note and the invoice.

            {doc.CompanyName}
            """;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {Number} queued for mail to its supplier")]
    private static partial void LogQueued(ILogger logger, string number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {Number} was already queued for mail")]
    private static partial void LogAlreadyQueued(ILogger logger, string number);

    [LoggerMessage(Level = LogLevel.Error, Message = "The purchase-order mail pass failed; it runs again at the next interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
