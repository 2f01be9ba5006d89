using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Inventory.Edge;

/// <summary>The "Inventory" section. Validated at start so a misconfigured headless box fails loudly.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Inventory";

    /// <summary>Where the database, logs and the token signing key live. Relative paths are from the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    [Required]
    [ValidateObjectMembers]
    public SiteOptions Site { get; set; } = new();

    [ValidateObjectMembers]
    public BootstrapOptions Bootstrap { get; set; } = new();

    [ValidateObjectMembers]
    public AuthOptions Auth { get; set; } = new();

    [ValidateObjectMembers]
    public LedgerOptions Ledger { get; set; } = new();

    [ValidateObjectMembers]
    public Features.Mqtt.MqttOptions Mqtt { get; set; } = new();

    /// <summary>The data dir before options are bound: logging and the database need it while the host is being built.</summary>
    public static string DataDirFrom(IConfiguration configuration) =>
        Path.GetFullPath(configuration[$"{Section}:DataDir"] ?? "data");
}

public sealed class SiteOptions
{
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,10}$", ErrorMessage = "Inventory:Site:Code is 1-10 letters, digits, '-' or '_'.")]
    public string Code { get; set; } = "WH1";

    public string Name { get; set; } = "Main warehouse";
}

public sealed class BootstrapOptions
{
    /// <summary>The first manager's password on an empty database; when unset a random one is written to secrets/admin-password in the data dir.</summary>
    [MinLength(8, ErrorMessage = "Inventory:Bootstrap:AdminPassword must have at least 8 characters.")]
    public string? AdminPassword { get; set; }
}

public sealed class AuthOptions
{
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins in a row before the account is locked for a while.</summary>
    [Range(3, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class LedgerOptions
{
    /// <summary>Most movement requests committed in one transaction by the single writer.</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; set; } = 512;

    /// <summary>Requests waiting for the writer before new ones wait at the door (back-pressure).</summary>
    [Range(16, 1_000_000)]
    public int QueueCapacity { get; set; } = 8192;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IntegrityCheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the first answer to an idempotent request is kept for replays. Long enough for a handheld
    /// that was offline over a weekend; the movement's own id stays unique in the ledger for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(7);
}
