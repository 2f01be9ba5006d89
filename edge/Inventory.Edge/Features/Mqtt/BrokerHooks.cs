using System.Security.Cryptography;
using Inventory.Devices.Contracts;
using Inventory.Edge.Features.Devices;
using Inventory.Edge.Infrastructure.Data.Entities;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// The embedded broker's rules: only registered devices connect; each publishes and subscribes only under
/// its own id; scans are answered here, on the broker's own thread for that client, so a device's scans
/// are handled in the order it sent them.
/// </summary>
public sealed partial class BrokerHooks(
    DeviceAuthenticator authenticator, DeviceConnections connections, ScanMessages scans, DeviceTopics topics, ILogger<BrokerHooks> logger)
{
    private const string DeviceKey = "inventory.device";

    private MqttServer _server = null!;

    /// <summary>Hands a message from the edge itself to the broker (for a printer's jobs topic, say).</summary>
    public Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken) =>
        _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "edge" }, cancellationToken);

    public void Attach(MqttServer server)
    {
        _server = server;
        connections.AttachBroker(clientIds => DisconnectRevokedAsync(server, clientIds));
        server.ValidatingConnectionAsync += ValidateAsync;
        server.ClientConnectedAsync += e =>
        {
            if (e.SessionItems[DeviceKey] is DeviceIdentity device)
            {
                connections.Connected(e.ClientId, device.DeviceId);
            }

            return Task.CompletedTask;
        };
        server.ClientDisconnectedAsync += e =>
        {
            connections.Disconnected(e.ClientId, (e.SessionItems?[DeviceKey] as DeviceIdentity)?.DeviceId);
            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var device = await authenticator.AuthenticateAsync(e.UserName, e.Password, e.CancellationToken);
        if (device is null)
        {
            // Anonymous, unknown, revoked and wrong secret all look the same from outside.
            LogRefused(logger, e.UserName ?? "(anonymous)", e.RemoteEndPoint?.ToString() ?? "?");
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }

        if (string.IsNullOrEmpty(e.ClientId))
        {
            // mosquitto_pub/sub send no client id unless told (-i); give one that cannot collide.
            e.AssignedClientIdentifier = $"{device.DeviceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        }
        else if (!connections.MayUse(e.ClientId, device.DeviceId))
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return;
        }

        e.SessionItems[DeviceKey] = device;
        e.ReasonCode = MqttConnectReasonCode.Success;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.SessionItems?[DeviceKey] is not DeviceIdentity device)
        {
            // Injected by the edge itself (results, print jobs): no device session behind it.
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        var isScan = device.Kind == DeviceKinds.Scanner && topic == topics.Scan(device.DeviceId);
        var isStatus = device.Kind == DeviceKinds.Printer && topic == topics.PrinterStatus(device.DeviceId);
        // Device topics are not retained: a retained scan would be handed to every later subscriber again.
        if ((!isScan && !isStatus) || e.ApplicationMessage.Retain)
        {
            LogPublishDenied(logger, device.DeviceId, topic);
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        if (!isScan)
        {
            return;
        }

        // The scan is consumed here; nobody else may subscribe to it, so routing it on would be wasted work.
        e.ProcessPublish = false;
        var answer = await scans.HandleAsync(device.DeviceId, e.ApplicationMessage.Payload, e.CancellationToken);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topics.Result(device.DeviceId))
            .WithPayload(answer)
            .WithContentType(DeviceJson.ContentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "edge" }, e.CancellationToken);
    }

    private static async Task DisconnectRevokedAsync(MqttServer server, IReadOnlyCollection<string> clientIds)
    {
        foreach (var client in await server.GetClientsAsync())
        {
            if (clientIds.Contains(client.Id))
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions
                {
                    ReasonCode = MqttDisconnectReasonCode.NotAuthorized,
                    ReasonString = "Device revoked",
                });
            }
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var filter = e.TopicFilter.Topic;
        var allowed = e.SessionItems?[DeviceKey] is DeviceIdentity device
            && filter == (device.Kind == DeviceKinds.Printer ? topics.PrinterJobs(device.DeviceId) : topics.Result(device.DeviceId));
        if (!allowed)
        {
            // Exact topics only: a wildcard could reach other devices' results.
            LogSubscribeDenied(logger, e.UserName ?? "?", filter);
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection refused for {User} from {Remote}")]
    private static partial void LogRefused(ILogger logger, string user, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId} may not publish to {Topic}")]
    private static partial void LogPublishDenied(ILogger logger, string deviceId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId} may not subscribe to {Filter}")]
    private static partial void LogSubscribeDenied(ILogger logger, string deviceId, string filter);
}
