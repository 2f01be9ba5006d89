using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Inventory.Cloud;

/// <summary>The "Inventory" section of the cloud. Validated at start.</summary>
public sealed class CloudOptions
{
    public const string Section = "Inventory";

    /// <summary>Where the rolling log file goes (the console gets every line too).</summary>
    public string LogDir { get; set; } = "logs";

    /// <summary>Where a generated first-manager password is written when none is configured (readable by the service user only).</summary>
    public string SecretsDir { get; set; } = "secrets";

    [ValidateObjectMembers]
    public CloudBootstrapOptions Bootstrap { get; set; } = new();

    [ValidateObjectMembers]
    public CloudAuthOptions Auth { get; set; } = new();
}

public sealed class CloudBootstrapOptions
{
    [MinLength(8, ErrorMessage = "Inventory:Bootstrap:AdminPassword must have at least 8 characters.")]
    public string? AdminPassword { get; set; }
}

public sealed class CloudAuthOptions
{
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    [Range(3, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Base64 of at least 32 random bytes, from the platform's secret store, shared by every cloud instance.
    /// Unset, a key is made per process: fine for one instance, but tokens then die with a restart.
    /// </summary>
    public string? SigningKey { get; set; }
}
