using Inventory.Devices.Contracts;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// The edge as a client of an external broker (Mosquitto): it subscribes to every device's scan topic of
/// this site and publishes each result. The broker authenticates devices and enforces the ACL; the edge
/// only trusts the device id in the topic because that ACL lets a device publish under its own id alone.
/// </summary>
public sealed partial class ExternalBrokerClient(
    IOptions<EdgeOptions> options, DeviceTopics topics, ScanMessages scans, TimeProvider time, ILogger<ExternalBrokerClient> logger)
    : BackgroundService
{
    // Scans are handled concurrently (the ledger groups them into shared commits), up to this many at once.
    private readonly SemaphoreSlim _inFlight = new(256);

    private IMqttClient? _client;

    public bool IsConnected { get; private set; }

    /// <summary>Publishes through the external broker; false while the edge is not connected to it.</summary>
    public async Task<bool> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true } client)
        {
            return false;
        }

        await client.PublishAsync(message, cancellationToken);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Mqtt;
        if (!ExternalBrokerAddress.TryParse(settings.ExternalBroker!, out var host, out var port))
        {
            return; // Options validation refuses this at start; never reached.
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var topic = e.ApplicationMessage.Topic;
            if (topics.ScanDeviceOf(topic) is not { } deviceId)
            {
                return Task.CompletedTask;
            }

            // A retained scan is delivered again at every subscription, so at every restart of the edge: recorded
            // each time, a scan without an id would count its stock again. Device topics are not retained.
            if (e.ApplicationMessage.Retain)
            {
                LogRetainedIgnored(logger, topic);
                return Task.CompletedTask;
            }

            // The payload's buffer belongs to the client once this handler returns: copy it.
            var payload = new System.Buffers.ReadOnlySequence<byte>(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            _ = HandleAsync(client, deviceId, payload, stoppingToken);
            return Task.CompletedTask;
        };

        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    IsConnected = false;
                    var connect = new MqttClientOptionsBuilder()
                        .WithTcpServer(host, port)
                        .WithProtocolVersion(MqttProtocolVersion.V500)
                        .WithClientId($"inventory-edge-{topics.Site}")
                        .WithCredentials(settings.ExternalUsername, settings.ExternalPassword)
                        .WithCleanSession()
                        .WithTimeout(TimeSpan.FromSeconds(10))
                        .Build();
                    var result = await client.ConnectAsync(connect, stoppingToken);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException($"refused: {result.ResultCode} {result.ReasonString}");
                    }

                    await client.SubscribeAsync(topics.AllScans, MqttQualityOfServiceLevel.AtLeastOnce, stoppingToken);
                    IsConnected = true;
                    LogConnected(logger, settings.ExternalBroker!);
                    backoff = TimeSpan.FromSeconds(1);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                IsConnected = false;
                LogConnectFailed(logger, settings.ExternalBroker!, ex.Message, backoff.TotalSeconds);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromSeconds(Math.Min(30, backoff.TotalSeconds * 2));
            }
        }

        if (client.IsConnected)
        {
            // Bounded: a broker that stopped answering must not hold the edge's shutdown.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
            {
                LogConnectFailed(logger, settings.ExternalBroker!, "no answer to DISCONNECT", 0);
            }
        }
    }

    private async Task HandleAsync(IMqttClient client, string deviceId, System.Buffers.ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            var answer = await scans.HandleAsync(deviceId, payload, cancellationToken);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topics.Result(deviceId))
                .WithPayload(answer)
                .WithContentType(DeviceJson.ContentType)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await client.PublishAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, ex, deviceId);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public override void Dispose()
    {
        _inFlight.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a retained message on {Topic}: device topics are not retained (clear it on the broker)")]
    private static partial void LogRetainedIgnored(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the external MQTT broker {Broker}")]
    private static partial void LogConnected(ILogger logger, string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "External MQTT broker {Broker}: {Error}; retrying in {Seconds} s")]
    private static partial void LogConnectFailed(ILogger logger, string broker, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the result for device {DeviceId}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string deviceId);
}
