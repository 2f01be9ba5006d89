using Inventory.Edge.Infrastructure.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// Sends the mail outbox (alerts, and purchase orders with their PDF attached). Wakes when the writer queued mail, else every MailPollInterval; sends what is
/// due over one SMTP connection; on failure backs off (RetryBaseDelay doubling up to RetryMaxDelay) and
/// tries again, for ever: a mail server or internet link that is down for a day delays mail, loses none.
/// A mail is marked sent only after the server accepted it, so a crash in between may send it twice,
/// never zero times. Logs name outbox ids, never addresses or credentials.
/// </summary>
public sealed partial class AlertMailSender(
    EdgeDatabase database, ReorderAlerts alerts, IOptions<SmtpOptions> smtp, IOptions<AlertsOptions> options,
    TimeProvider time, ILogger<AlertMailSender> logger) : BackgroundService
{
    private const int BatchSize = 50;

    private sealed record Due(
        long Id, string Recipients, string Subject, string Body, int Attempts, string? AttachmentName, string? AttachmentType, byte[]? Attachment);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.MailPollInterval, time);
        Task<bool>? tick = null;
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The outbox could not be read or updated (database busy past its timeout): next pass.
                LogPassFailed(logger, ex);
            }

            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            wake ??= alerts.MailQueued.WaitToReadAsync(stoppingToken).AsTask();
            var done = await Task.WhenAny(tick, wake);
            if (done == tick)
            {
                tick = null;
            }
            else
            {
                wake = null;
                alerts.MailQueued.TryRead(out _);
            }
        }
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var due = await ReadDueAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient { Timeout = (int)smtp.Value.Timeout.TotalMilliseconds };
        string? connectError = null;
        try
        {
            await ConnectAsync(client, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            connectError = Describe(ex);
        }

        foreach (var mail in due)
        {
            var error = connectError;
            if (error is null)
            {
                try
                {
                    await client.SendAsync(Message(mail), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = Describe(ex);
                }
            }

            await RecordAsync(mail, error, cancellationToken);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        var security = !settings.UseTls ? SecureSocketOptions.None
            : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            if (settings.UseTls && !client.IsSecure)
            {
                // STARTTLS was not offered: a password would cross the network readable.
                throw new AuthenticationException("The SMTP server offered no TLS; credentials were not sent.");
            }

            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }
    }

    private MimeMessage Message(Due mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From!));
        // Checked when queued (options validation, the recipients endpoint); an entry that no longer parses is skipped.
        _ = MailAddresses.TryParse(mail.Recipients, out var recipients);
        foreach (var to in recipients)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = mail.Subject;
        var text = new TextPart("plain") { Text = mail.Body };
        if (mail.Attachment is null)
        {
            message.Body = text;
            return message;
        }

        // A purchase order's PDF: the text first, then the file, as every mail client expects.
        var attachment = new MimePart(ContentType.Parse(mail.AttachmentType ?? "application/octet-stream"))
        {
            Content = new MimeContent(new MemoryStream(mail.Attachment, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = mail.AttachmentName ?? "attachment",
        };
        message.Body = new Multipart("mixed") { text, attachment };
        return message;
    }

    private async Task<List<Due>> ReadDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, recipients, subject, body, attempts, attachment_name, attachment_type, attachment FROM mail_outbox
            WHERE sent_at IS NULL AND next_attempt_at <= $now ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", BatchSize);
        var due = new List<Due>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new Due(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7)));
        }

        return due;
    }

    private async Task RecordAsync(Due mail, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$id", mail.Id);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        if (error is null)
        {
            command.CommandText = "UPDATE mail_outbox SET sent_at = $now, attempts = attempts + 1, last_error = NULL WHERE id = $id";
            await command.ExecuteNonQueryAsync(cancellationToken);
            LogSent(logger, mail.Id, mail.Attempts + 1);
            return;
        }

        var delay = Backoff(mail.Attempts + 1);
        command.CommandText = "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $next, last_error = $error WHERE id = $id";
        command.Parameters.AddWithValue("$next", (now + delay).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogRetry(logger, mail.Id, mail.Attempts + 1, error, delay);
    }

    private TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(o.RetryBaseDelay.TotalMilliseconds * factor, o.RetryMaxDelay.TotalMilliseconds));
    }

    /// <summary>The failure's kind and SMTP status only: server replies may quote the addresses.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"{nameof(SmtpCommandException)} {(int)command.StatusCode} ({command.ErrorCode})",
        SmtpProtocolException => nameof(SmtpProtocolException),
        System.Net.Sockets.SocketException socket => $"{nameof(System.Net.Sockets.SocketException)} {socket.SocketErrorCode}",
        ServiceNotAuthenticatedException or AuthenticationException => "authentication failed",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Id} sent (attempt {Attempts})")]
    private static partial void LogSent(ILogger logger, long id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} not sent (attempt {Attempts}: {Error}); next try in {Delay}")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail outbox pass failed; it runs again at the next interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
