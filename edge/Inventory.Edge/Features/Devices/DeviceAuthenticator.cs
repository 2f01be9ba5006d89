using Inventory.Devices.Contracts;
using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Devices;

public sealed record DeviceIdentity(string DeviceId, string Kind);

/// <summary>Checks a device's MQTT username and secret against the registry.</summary>
public sealed class DeviceAuthenticator(IDbContextFactory<EdgeDbContext> contexts)
{
    public async Task<DeviceIdentity?> AuthenticateAsync(string? deviceId, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(secret) || !DeviceTopics.IsDeviceId(deviceId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        return device is { RevokedAt: null } && MachineSecrets.Verify(secret, device.SecretHash)
            ? new DeviceIdentity(device.Id, device.Kind)
            : null;
    }
}
