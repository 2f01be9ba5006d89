namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>A scanner or label printer allowed on the broker. Kept after revocation, for the record.</summary>
public sealed class Device
{
    /// <summary>The MQTT username and the {deviceId} of its topics.</summary>
    public required string Id { get; set; }

    public required string Kind { get; set; }

    public string? Name { get; set; }

    /// <summary>"sha256$salt$hash" of the issued secret; the secret itself is shown once and never stored.</summary>
    public required string SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

public static class DeviceKinds
{
    public const string Scanner = "scanner";
    public const string Printer = "printer";
    public static readonly IReadOnlyList<string> All = [Scanner, Printer];
}
