using Inventory.Edge.Features.Devices;
using MQTTnet;
using MQTTnet.Protocol;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// Messages from the edge to a device, through whichever broker this box runs: the embedded one (where
/// the edge knows who is connected) or an external Mosquitto (where the broker's persistent sessions
/// hold messages for devices that are away).
/// </summary>
public sealed class DeviceMessages(IServiceProvider services, DeviceConnections connections)
{
    /// <summary>Whether a message now would reach the device (or its broker session) rather than be lost.</summary>
    public bool CanReach(string deviceId) =>
        services.GetService<BrokerHooks>() is not null
            ? connections.IsConnected(deviceId)
            : services.GetService<ExternalBrokerClient>() is { IsConnected: true };

    public async Task<bool> PublishAsync(string topic, byte[] payload, string contentType, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType(contentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        if (services.GetService<BrokerHooks>() is { } embedded)
        {
            await embedded.PublishAsync(message, cancellationToken);
            return true;
        }

        return services.GetService<ExternalBrokerClient>() is { } external && await external.PublishAsync(message, cancellationToken);
    }
}
