using Inventory.Devices.Contracts;
using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Devices;

public static class DeviceEndpoints
{
    public sealed record DeviceRequest(string? DeviceId, string? Kind, string? Name);

    public sealed record DeviceCreated(string DeviceId, string Kind, string? Name, string Secret);

    public sealed record DeviceView(string DeviceId, string Kind, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, bool Connected);

    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddSingleton<DeviceAuthenticator>();
        return services;
    }

    public static void MapDevicesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices");
        group.MapGet("/", List).RequirePermission(Permission.ManageDevices)
            .WithName("ListDevices")
            .WithSummary("Registered scanners and printers (never their secrets).");
        group.MapPost("/", Register).RequirePermission(Permission.ManageDevices)
            .WithName("RegisterDevice").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Register a device; the answer carries its MQTT secret, shown this once.");
        group.MapDelete("/{deviceId}", Revoke).RequirePermission(Permission.ManageDevices)
            .WithName("RevokeDevice").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a device: its secret stops working and a connected client is disconnected.");
    }

    private static async Task<Ok<IEnumerable<DeviceView>>> List(EdgeDbContext db, DeviceConnections connections, CancellationToken cancellationToken)
    {
        var devices = await db.Devices.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(devices.Select(d => new DeviceView(d.Id, d.Kind, d.Name, d.CreatedAt, d.RevokedAt, connections.IsConnected(d.Id))));
    }

    private static async Task<Results<Created<DeviceCreated>, ValidationProblem, ProblemHttpResult>> Register(
        DeviceRequest request, HttpContext http, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = request.DeviceId?.Trim();
        var v = new Validation()
            .RequireText(id, "deviceId", 32)
            .Require(id is null || DeviceTopics.IsDeviceId(id), "deviceId",
                "A device id has letters, digits, '-' and '_' only (it is a topic level and the MQTT username).")
            .Require(request.Kind is not null && DeviceKinds.All.Contains(request.Kind), "kind", "'kind' is scanner or printer.")
            .OptionalText(request.Name, "name", 100);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var secret = MachineSecrets.NewSecret();
        var existing = await db.Devices.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (existing is { RevokedAt: null })
        {
            return Problems.Conflict($"Device {id} is registered; revoke it first to issue a new secret.");
        }

        // A revoked id may be registered again (a repaired scanner keeps its label): a new secret, a new life.
        var device = existing ?? db.Devices.Add(new Device { Id = id!, Kind = request.Kind!, SecretHash = "" }).Entity;
        device.Kind = request.Kind!;
        device.Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        device.SecretHash = MachineSecrets.Hash(secret);
        device.CreatedAt = time.GetUtcNow();
        device.CreatedBy = http.User.UserIdOf();
        device.RevokedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/devices/{device.Id}", new DeviceCreated(device.Id, device.Kind, device.Name, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string deviceId, EdgeDbContext db, TimeProvider time, DeviceConnections connections, CancellationToken cancellationToken)
    {
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound($"No device {deviceId}.");
        }

        device.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        // After the save: a client that reconnects at once meets the revoked row and is refused.
        await connections.DisconnectAsync(deviceId);
        return TypedResults.NoContent();
    }
}
