namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A mail waiting to be sent: written in the same transaction as what it reports, so it cannot be lost
/// between the two, and deleted never (sent ones keep their sent_at as a record).
/// </summary>
public sealed class MailOutboxMessage
{
    public long Id { get; set; }
    public Guid? AlertId { get; set; }

    /// <summary>Set on a purchase order's mail to its supplier; unique, so a PO is queued once.</summary>
    public Guid? PurchaseOrderId { get; set; }

    /// <summary>One attachment (the PO as PDF): its file name, media type and bytes.</summary>
    public string? AttachmentName { get; set; }

    public string? AttachmentType { get; set; }
    public byte[]? Attachment { get; set; }

    /// <summary>Comma-separated addresses.</summary>
    public required string Recipients { get; set; }

    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The last failure's kind and SMTP status, never its text (which may quote an address).</summary>
    public string? LastError { get; set; }
}
