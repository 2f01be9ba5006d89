using System.Net;
using System.Security.Cryptography.X509Certificates;
using Inventory.Devices.Contracts;
using Inventory.Edge.Features.Devices;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;

namespace Inventory.Edge.Features.Mqtt;

public static class MqttServices
{
    /// <summary>The embedded broker on Kestrel (plain and/or TLS port), or a client of an external broker.</summary>
    public static void AddEdgeMqtt(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection($"{EdgeOptions.Section}:Mqtt").Get<MqttOptions>() ?? new MqttOptions();
        var services = builder.Services;
        services.AddSingleton(sp => new DeviceTopics(sp.GetRequiredService<IOptions<EdgeOptions>>().Value.Site.Code));
        services.AddSingleton<DeviceConnections>();
        services.AddSingleton<ScanRateLimiter>();
        services.AddSingleton<ScanMessages>();
        services.AddSingleton<DeviceMessages>();
        var listeners = new MqttListeners();
        services.AddSingleton(listeners);
        if (!string.IsNullOrWhiteSpace(options.ExternalBroker))
        {
            services.AddSingleton<ExternalBrokerClient>();
            services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerClient>());
            return;
        }

        if (!options.EmbeddedEnabled)
        {
            return;
        }

        services.AddSingleton<BrokerHooks>();
        services.AddSingleton<MqttConnectionGate>();
        services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint());
        services.AddMqttConnectionHandler();
        services.AddConnections();
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        services.AddTransient<IStartupFilter, UrlsListenedInCode>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Endpoints set in code make Kestrel ignore --urls, so the HTTP ones are listened to here too.
            KestrelUrls.Listen(kestrel, urls);
            var address = IPAddress.Parse(options.BindAddress);
            if (options.Port != 0)
            {
                kestrel.Listen(address, options.Port, l =>
                {
                    l.UseMqttGate();
                    l.UseMqtt();
                    listeners.Plain = l;
                });
            }

            if (options.TlsPort != 0)
            {
                // Loaded at start: a missing or wrong certificate stops the box at boot, loudly.
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword);
                kestrel.Listen(address, options.TlsPort, l =>
                {
                    l.UseHttps(certificate);
                    l.UseMqttGate();
                    l.UseMqtt();
                    listeners.Tls = l;
                });
            }
        });
    }

    /// <summary>The <see cref="MqttConnectionGate"/> in front of the broker on this listener.</summary>
    private static void UseMqttGate(this ListenOptions listener) =>
        listener.Use(next => connection => listener.ApplicationServices.GetRequiredService<MqttConnectionGate>().RunAsync(connection, next));

    public static void UseEdgeMqtt(this WebApplication app)
    {
        if (app.Services.GetService<BrokerHooks>() is { } hooks)
        {
            app.UseMqttServer(hooks.Attach);
        }
    }
}

/// <summary>The broker's Kestrel endpoints; after start they carry the bound ports (tests listen on port 0).</summary>
public sealed class MqttListeners
{
    internal ListenOptions? Plain { get; set; }

    internal ListenOptions? Tls { get; set; }

    public int? PlainPort => Plain?.IPEndPoint?.Port;

    public int? TlsPort => Tls?.IPEndPoint?.Port;
}
