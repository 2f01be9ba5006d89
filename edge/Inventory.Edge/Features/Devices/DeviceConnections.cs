using System.Collections.Concurrent;

namespace Inventory.Edge.Features.Devices;

/// <summary>
/// Which MQTT client belongs to which device on the embedded broker: so a revoked device can be thrown
/// off at once, and so one device cannot take over another's client id (MQTT lets a newcomer with the same
/// client id kick the old connection off, which would let a scanner silence its neighbour).
/// </summary>
/// <remarks>
/// The broker feeds this map and lends it a way to disconnect clients (<see cref="AttachBroker"/>), so the
/// device registry can ask for a revoked device to be thrown off without knowing the broker.
/// </remarks>
public sealed class DeviceConnections
{
    private readonly ConcurrentDictionary<string, string> _deviceOfClient = new(StringComparer.Ordinal);
    private Func<IReadOnlyCollection<string>, Task>? _disconnectClients;

    /// <summary>Called once by the embedded broker; without a broker, revoking only refuses the next login.</summary>
    public void AttachBroker(Func<IReadOnlyCollection<string>, Task> disconnectClients) => _disconnectClients = disconnectClients;

    /// <summary>False when the client id is held by a connected client of another device.</summary>
    public bool MayUse(string clientId, string deviceId) =>
        !_deviceOfClient.TryGetValue(clientId, out var owner) || owner == deviceId;

    public void Connected(string clientId, string deviceId) => _deviceOfClient[clientId] = deviceId;

    public void Disconnected(string clientId, string? deviceId)
    {
        if (deviceId is not null)
        {
            _deviceOfClient.TryRemove(new KeyValuePair<string, string>(clientId, deviceId));
        }
    }

    public bool IsConnected(string deviceId) => _deviceOfClient.Values.Contains(deviceId, StringComparer.Ordinal);

    public async Task DisconnectAsync(string deviceId)
    {
        if (_disconnectClients is null)
        {
            return;
        }

        var clients = _deviceOfClient.Where(kv => kv.Value == deviceId).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        if (clients.Count > 0)
        {
            await _disconnectClients(clients);
        }
    }
}
