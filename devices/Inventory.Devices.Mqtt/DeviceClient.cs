using MQTTnet;
using MQTTnet.Protocol;

namespace Inventory.Devices.Mqtt;

/// <summary>
/// An MQTT connection that stays up: connects, subscribes, and after a drop reconnects with back-off
/// (1 s doubling to 30 s) until cancelled. A refused login (wrong secret, revoked device) ends it, loudly.
/// </summary>
public sealed class DeviceClient : IAsyncDisposable
{
    private readonly DeviceSettings _settings;
    private readonly IReadOnlyList<string> _subscriptions;
    private readonly Action<string> _log;
    private readonly IMqttClient _client;

    public DeviceClient(DeviceSettings settings, IReadOnlyList<string> subscriptions, Action<string> log)
    {
        _settings = settings;
        _subscriptions = subscriptions;
        _log = log;
        _client = new MqttClientFactory().CreateMqttClient();
    }

    public IMqttClient Client => _client;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await ConnectAsync(cancellationToken);
                    delay = TimeSpan.FromSeconds(1);
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    _log($"broker unreachable ({ex.Message}); retrying in {delay.TotalSeconds:0} s");
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
                    continue;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var result = await _client.ConnectAsync(_settings.ClientOptions(), cancellationToken);
        if (result.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized)
        {
            throw new UnauthorizedAccessException($"The broker refused device '{_settings.DeviceId}': {result.ResultCode}. Check its id and secret.");
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MQTTnet.Exceptions.MqttCommunicationException($"connect failed: {result.ResultCode}");
        }

        if (_subscriptions.Count > 0)
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var topic in _subscriptions)
            {
                subscribe.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            }

            await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        }

        _log($"connected to {_settings.Broker}:{_settings.Port} as {_settings.DeviceId}");
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
