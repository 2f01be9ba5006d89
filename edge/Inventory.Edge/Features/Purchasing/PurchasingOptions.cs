using System.ComponentModel.DataAnnotations;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>The "Inventory:Purchasing" section: who the POs come from, and how often unmailed sent POs are looked for.</summary>
public sealed class PurchasingOptions
{
    public const string Section = "Inventory:Purchasing";

    /// <summary>The buyer named at the top of a PO; the site's name when unset.</summary>
    [MaxLength(200)]
    public string? CompanyName { get; set; }

    /// <summary>The buyer's address on a PO (lines separated by commas or line breaks).</summary>
    [MaxLength(500)]
    public string? CompanyAddress { get; set; }

    /// <summary>
    /// How often the PO mailer looks for sent POs of this site whose mail is not queued yet (a PO sent in the cloud
    /// and pulled here); a send at this box wakes it at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MailPollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
