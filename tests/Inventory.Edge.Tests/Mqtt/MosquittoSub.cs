using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>
/// A running mosquitto_sub (-d for its protocol log, so the test knows when the subscription is in place
/// instead of sleeping). JSON lines are the messages; everything else is the client's own log.
/// </summary>
public sealed class MosquittoSub : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource<bool> _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _log = new();
    private readonly Task _reader;

    private MosquittoSub(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts mosquitto_sub and waits for its SUBACK (granted or denied).</summary>
    public static async Task<MosquittoSub> StartAsync(int port, string topic, string? user, string? password, int count = 1, int waitSeconds = 15, params string[] extra)
    {
        var args = new List<string> { "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", topic, "-q", "1", "-d", "-C", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-W", waitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (user is not null)
        {
            args.AddRange(["-u", user, "-P", password ?? ""]);
        }

        args.AddRange(extra);
        if (!args.Contains("-V"))
        {
            args.AddRange(["-i", $"{user ?? "anon"}-sub-{Guid.NewGuid():N}"[..23]]);
        }

        // stdbuf: mosquitto_sub's protocol log is block-buffered on a pipe; the test needs each line as it comes.
        var sub = new MosquittoSub(Cli.Start("stdbuf", ["-oL", "mosquitto_sub", .. args]));
        var ready = await Task.WhenAny(sub._subscribed.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(ready == sub._subscribed.Task, "mosquitto_sub never got a SUBACK: " + sub.Log);
        return sub;
    }

    /// <summary>The next message, or fails after the timeout.</summary>
    public async Task<JsonElement> NextAsync(int timeoutSeconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            var line = await _messages.Reader.ReadAsync(timeout.Token);
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException("No message arrived on the subscription. mosquitto_sub said: " + Log);
        }
    }

    public async Task<int> WaitForExitAsync(int timeoutSeconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await _process.WaitForExitAsync(timeout.Token);
        await _reader;
        return _process.ExitCode;
    }

    private async Task ReadAsync()
    {
        var stderr = _process.StandardError.ReadToEndAsync();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{'))
            {
                await _messages.Writer.WriteAsync(line);
                continue;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }

            if (line.Contains("SUBACK", StringComparison.Ordinal))
            {
                _subscribed.TrySetResult(true);
            }
        }

        var err = await stderr;
        lock (_log)
        {
            _log.Append(err);
        }

        _subscribed.TrySetResult(false);
        _messages.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _reader;
        _process.Dispose();
    }
}
