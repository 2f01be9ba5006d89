using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Inventory.Edge.Features.Alerts;

/// <summary>The "Inventory:Smtp" section. Without a Host no mail is queued and the sender stays idle.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Inventory:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>The sender address, e.g. "Inventory WH1 &lt;inventory@example.com&gt;". Required with a Host.</summary>
    public string? From { get; set; }

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// true: TLS on connect for port 465, else STARTTLS when the server offers it; credentials are then
    /// never sent over a connection that stayed plain. false: plain SMTP (a relay on the LAN, tests).
    /// </summary>
    public bool UseTls { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>The "Inventory:Alerts" section.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Inventory:Alerts";

    /// <summary>Comma-separated addresses told about every low-stock and expiry alert; per-location ones are added.</summary>
    public string? Recipients { get; set; }

    /// <summary>How often the mail sender looks for due mail when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MailPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First retry delay after a failed send; doubles with each failure up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The time of day, in UTC, of the daily expiry scan (it also runs at start). UTC because every lot rule
    /// counts days in UTC (a lot is expired once the UTC date is past its expiry), so the scan and the rule agree.
    /// </summary>
    public TimeOnly ExpiryScanAt { get; set; } = new(6, 0);
}

public static class MailAddresses
{
    /// <summary>Splits a comma- or semicolon-separated list; false when any entry is not an address.</summary>
    public static bool TryParse(string? text, out List<string> addresses)
    {
        addresses = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MailboxAddress.TryParse(part, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            {
                return false;
            }

            addresses.Add(address.Address);
        }

        return true;
    }
}
