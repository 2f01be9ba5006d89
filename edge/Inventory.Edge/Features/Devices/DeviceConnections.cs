using System.Collections.Concurrent;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// Which MQTT client belongs to which device on the embedded broker: so a revoked device can be thrown
/// off at once, and so one device cannot take over another's client id (MQTT lets a newcomer with the same
/// client id kick the old connection off, which would let a scanner silence its neighbour).
/// </summary>
public sealed class DeviceConnections
{
    private readonly ConcurrentDictionary<string, string> _deviceOfClient = new(StringComparer.Ordinal);
    private MqttServer? _server;

    internal void Attach(MqttServer server) => _server = server;

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
        if (_server is null)
        {
            return;
        }

        var clients = _deviceOfClient.Where(kv => kv.Value == deviceId).Select(kv => kv.Key).ToList();
        foreach (var client in await _server.GetClientsAsync())
        {
            if (clients.Contains(client.Id, StringComparer.Ordinal))
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions
                {
                    ReasonCode = MqttDisconnectReasonCode.NotAuthorized,
                    ReasonString = "Device revoked",
                });
            }
        }
    }
}
