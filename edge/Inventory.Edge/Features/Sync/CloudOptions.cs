using System.ComponentModel.DataAnnotations;
using Inventory.Sync;

namespace Inventory.Edge.Features.Sync;

/// <summary>
/// The "Inventory:Cloud" section. Without a Url the box runs standalone and the agent stays idle; with one,
/// the rest must make sense, or the box refuses to start (a headless box should fail loudly, not sync never).
/// </summary>
public sealed class CloudOptions : IValidatableObject
{
    public const string Section = "Inventory:Cloud";

    /// <summary>The hub, e.g. https://cloud.example.com. Empty: replication is off.</summary>
    public string? Url { get; set; }

    /// <summary>The site code the cloud knows this box by; defaults to Inventory:Site:Code.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,10}$", ErrorMessage = "Inventory:Cloud:SiteCode is 1-10 letters, digits, '-' or '_'.")]
    public string? SiteCode { get; set; }

    /// <summary>The site's secret issued by the cloud (POST /api/sites). Never logged.</summary>
    public string? Credential { get; set; }

    /// <summary>Most movements per push.</summary>
    [Range(1, SyncProtocol.MaxMovementsPerPush)]
    public int PushBatchSize { get; set; } = 5000;

    /// <summary>Pause between pulls when the cloud answers at once with nothing new (a long poll normally waits instead).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PullInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The hub's address with a trailing slash, so relative paths append to it; null when replication is off.</summary>
    public Uri? BaseUri() => Enabled && Uri.TryCreate(Url!.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Inventory:Cloud:Url is an absolute http(s) address.", [nameof(Url)]);
        }

        if (string.IsNullOrWhiteSpace(Credential))
        {
            yield return new ValidationResult("Inventory:Cloud:Credential is required when Inventory:Cloud:Url is set.", [nameof(Credential)]);
        }
    }
}
