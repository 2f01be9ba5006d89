using System.Globalization;
using System.Net;
using System.Text;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using MimeKit;
using netDumbster.smtp;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>
/// A sent PO reaches a real SMTP server (netDumbster, in process) with its PDF attached, once — also when the server
/// was down at first, and also for a PO whose sent mark arrived by another way than this box's send (the cloud).
/// </summary>
public sealed class PurchaseOrderMailTests : IAsyncLifetime
{
    private readonly int _smtpPort = FreePorts.Take();
    private readonly EdgeHost _edge = new();

    public PurchaseOrderMailTests()
    {
        _edge.Settings["Inventory:Smtp:Host"] = "127.0.0.1";
        _edge.Settings["Inventory:Smtp:Port"] = _smtpPort.ToString(CultureInfo.InvariantCulture);
        _edge.Settings["Inventory:Smtp:UseTls"] = "false";
        _edge.Settings["Inventory:Smtp:From"] = "buying@wh1.example";
        _edge.Settings["Inventory:Alerts:MailPollInterval"] = "00:00:00.100";
        _edge.Settings["Inventory:Alerts:RetryBaseDelay"] = "00:00:00.200";
        _edge.Settings["Inventory:Alerts:RetryMaxDelay"] = "00:00:00.500";
        _edge.Settings["Inventory:Purchasing:MailPollInterval"] = "00:00:00.200";
        _edge.Settings["Inventory:Purchasing:CompanyName"] = "Example Trading Ltd";
    }

    public Task InitializeAsync() => _edge.InitializeAsync();

    public Task DisposeAsync() => _edge.DisposeAsync();

    [Fact]
    public async Task Send_ServerDownThenUp_PdfArrivesOnce()
    {
        using var admin = await _edge.ClientAsync();
        using var purchasing = await _edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: "orders@acme.example");
        var po = await purchasing.CreatePoAsync(supplier, location, new { productId = product, quantity = 12, unitPrice = 2.5m });
        var number = po.GetProperty("number").GetString()!;

        var sent = await purchasing.PostOkAsync($"/api/purchase-orders/{po.Id()}/send", new { }, HttpStatusCode.OK);
        await purchasing.PostOkAsync($"/api/purchase-orders/{po.Id()}/send", new { }, HttpStatusCode.OK);
        // Down: the row is queued once and its attempts grow.
        await EventuallyAsync(async () => (await OutboxAsync(po.Id())) is [{ Attempts: >= 2, SentAt: null }], "failed attempts");

        using var server = SimpleSmtpServer.Start(_smtpPort);
        await EventuallyAsync(async () => (await OutboxAsync(po.Id())) is [{ SentAt: not null }], "the mail sent");

        Assert.Equal("sent", sent.Status());
        var mail = Assert.Single(server.ReceivedEmail, m => m.Headers["Subject"]?.Contains(number, StringComparison.Ordinal) == true);
        using var raw = new MemoryStream(Encoding.UTF8.GetBytes(mail.Data));
        var message = await MimeMessage.LoadAsync(raw);
        Assert.Equal($"Purchase order {number}", message.Subject);
        Assert.Equal("orders@acme.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains(number, message.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(number + ".pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var text = await PurchaseOrderApiTests.PdfTextAsync(pdf.ToArray());
        Assert.Contains("Example Trading Ltd", text, StringComparison.Ordinal);
        Assert.Contains("Total EUR 30.00", text, StringComparison.Ordinal);
        Assert.Single(await OutboxAsync(po.Id()));
    }

    [Fact]
    public async Task SentElsewhere_MarkArrivesInDatabase_MailedByThisBox()
    {
        using var admin = await _edge.ClientAsync();
        using var purchasing = await _edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: "cloud@acme.example");
        var noMail = await purchasing.CreateSupplierAsync(email: null);
        var po = await purchasing.CreatePoAsync(supplier, location, new { productId = product, quantity = 1, unitPrice = 1m });
        var silent = await purchasing.CreatePoAsync(noMail, location, new { productId = product, quantity = 1, unitPrice = 1m });
        await purchasing.PostOkAsync($"/api/purchase-orders/{silent.Id()}/send", new { }, HttpStatusCode.OK);

        // What the sync applier does with a PO sent in the cloud: the row gets its sent_at, nobody calls /send here.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_edge.DataDir, "inventory.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE purchase_orders SET sent_at = $now WHERE id = $id";
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$id", po.Id().ToString("D"));
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await EventuallyAsync(async () => (await OutboxAsync(po.Id())).Count == 1, "the periodic pass to queue it");
        Assert.Empty(await OutboxAsync(silent.Id()));
    }

    private sealed record OutboxRow(int Attempts, long? SentAt, string? AttachmentName);

    private async Task<List<OutboxRow>> OutboxAsync(Guid purchaseOrder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_edge.DataDir, "inventory.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT attempts, sent_at, attachment_name FROM mail_outbox WHERE purchase_order_id = $id";
        command.Parameters.AddWithValue("$id", purchaseOrder.ToString("D"));
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> probe, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await probe())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }
}
