namespace Inventory.Edge.Features.Scanning;

/// <summary>Who scans: a signed-in user over HTTP, or a registered device over MQTT.</summary>
public sealed record ScanActor(Guid? UserId, string? DeviceId, Func<Inventory.Domain.Accounts.Permission, bool> Can);
