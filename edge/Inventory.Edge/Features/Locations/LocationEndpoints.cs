using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Locations;

public static class LocationEndpoints
{
    public sealed record LocationRequest(
        string? Code, string? Name, string? Type, string? Address, bool? IsActive, int? Capacity, bool? AllowNegative, long? Version);

    public sealed record LocationView(
        Guid Id, string Code, string Name, string Type, string? Address, bool IsActive, int? Capacity, bool AllowNegative,
        string SiteCode, long Version);

    public sealed record BinRequest(string? Code, string? Description, bool? IsActive);

    public sealed record BinView(Guid Id, Guid LocationId, string Code, string? Description, bool IsActive);

    public sealed record SettingRequest(int? ReorderPoint, int? ReorderQuantity, int? MaxLevel);

    public sealed record SettingView(Guid LocationId, Guid ProductId, int? ReorderPoint, int? ReorderQuantity, int? MaxLevel);

    public static IServiceCollection AddLocations(this IServiceCollection services) => services;

    public static void MapLocationsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/locations").WithTags("Locations");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListLocations")
            .WithSummary("Active locations of every site known here, by code; includeInactive=true for all.");
        group.MapGet("/{id:guid}", Get).RequirePermission(Permission.ViewInventory)
            .WithName("GetLocation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One location.");
        group.MapPost("/", Create).RequirePermission(Permission.ManageLocations)
            .WithName("CreateLocation").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a location of this site (warehouse, store or fulfillment_center).");
        group.MapPut("/{id:guid}", Update).RequirePermission(Permission.ManageLocations)
            .WithName("UpdateLocation").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Update a location; send the version you read (409 when stale).");
        group.MapGet("/{id:guid}/bins", ListBins).RequirePermission(Permission.ViewInventory)
            .WithName("ListBins").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The bins of a location, by code.");
        group.MapPost("/{id:guid}/bins", CreateBin).RequirePermission(Permission.ManageLocations)
            .WithName("CreateBin").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a bin to a location of this site.");
        group.MapPut("/{id:guid}/bins/{binId:guid}", UpdateBin).RequirePermission(Permission.ManageLocations)
            .WithName("UpdateBin").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a bin's description or active flag; its code stays.");
        group.MapGet("/{id:guid}/products/{productId:guid}/settings", GetSetting).RequirePermission(Permission.ViewInventory)
            .WithName("GetLocationProductSetting")
            .WithSummary("Reorder point, reorder quantity and max level of a product here (nulls when the product's own apply).");
        group.MapPut("/{id:guid}/products/{productId:guid}/settings", PutSetting).RequirePermission(Permission.ManageLocations)
            .WithName("PutLocationProductSetting").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reorder point, reorder quantity and max level of a product here, overriding the product's.");
    }

    private static async Task<Ok<IEnumerable<LocationView>>> List(bool? includeInactive, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Locations.AsNoTracking();
        if (includeInactive != true)
        {
            query = query.Where(l => l.IsActive);
        }

        return TypedResults.Ok((await query.OrderBy(l => l.Code).ToListAsync(cancellationToken)).Select(ToView));
    }

    private static async Task<Results<Ok<LocationView>, ProblemHttpResult>> Get(Guid id, EdgeDbContext db, CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is { } location
            ? TypedResults.Ok(ToView(location))
            : Problems.NotFound("No such location.");

    private static async Task<Results<Created<LocationView>, ValidationProblem, ProblemHttpResult>> Create(
        LocationRequest request, EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = Validate(request);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var code = request.Code!.Trim().ToUpperInvariant();
        var site = options.Value.Site.Code;
        if (await db.Locations.AnyAsync(l => l.Code == code && l.SiteCode == site, cancellationToken))
        {
            return Problems.Conflict($"A location with code {code} exists.");
        }

        var now = time.GetUtcNow();
        var location = new Location
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = request.Name!.Trim(),
            Type = request.Type!,
            Address = request.Address,
            IsActive = request.IsActive ?? true,
            Capacity = request.Capacity,
            AllowNegative = request.AllowNegative ?? false,
            SiteCode = site,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Locations.Add(location);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/locations/{location.Id}", ToView(location));
    }

    private static async Task<Results<Ok<LocationView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, LocationRequest request, EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = Validate(request).Require(request.Version is not null, "version", "'version' is required: send the version you read.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var location = await db.Locations.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return Problems.NotFound("No such location.");
        }

        if (OwnedElsewhere(location, options) is { } refusal)
        {
            return refusal;
        }

        if (location.Version != request.Version)
        {
            return Problems.Conflict($"The location changed since you read it (version {location.Version} now).", "Stale version");
        }

        var code = request.Code!.Trim().ToUpperInvariant();
        if (code != location.Code && await db.Locations.AnyAsync(l => l.Code == code && l.SiteCode == location.SiteCode, cancellationToken))
        {
            return Problems.Conflict($"A location with code {code} exists.");
        }

        location.Code = code;
        location.Name = request.Name!.Trim();
        location.Type = request.Type!;
        location.Address = request.Address;
        location.IsActive = request.IsActive ?? location.IsActive;
        location.Capacity = request.Capacity;
        location.AllowNegative = request.AllowNegative ?? location.AllowNegative;
        location.Version++;
        location.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The location changed since you read it.", "Stale version");
        }

        return TypedResults.Ok(ToView(location));
    }

    private static async Task<Results<Ok<IEnumerable<BinView>>, ProblemHttpResult>> ListBins(Guid id, EdgeDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Locations.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return Problems.NotFound("No such location.");
        }

        var bins = await db.Bins.AsNoTracking().Where(b => b.LocationId == id).OrderBy(b => b.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(bins.Select(ToView));
    }

    private static async Task<Results<Created<BinView>, ValidationProblem, ProblemHttpResult>> CreateBin(
        Guid id, BinRequest request, EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().RequireText(request.Code, "code", 50).OptionalText(request.Description, "description", 200);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return Problems.NotFound("No such location.");
        }

        if (OwnedElsewhere(location, options) is { } refusal)
        {
            return refusal;
        }

        var code = request.Code!.Trim();
        if (await db.Bins.AnyAsync(b => b.LocationId == id && b.Code == code, cancellationToken))
        {
            return Problems.Conflict($"Bin {code} exists in this location.");
        }

        var bin = new Bin
        {
            Id = Guid.CreateVersion7(),
            LocationId = id,
            Code = code,
            Description = request.Description,
            IsActive = request.IsActive ?? true,
            CreatedAt = time.GetUtcNow(),
        };
        db.Bins.Add(bin);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/locations/{id}/bins/{bin.Id}", ToView(bin));
    }

    private static async Task<Results<Ok<BinView>, ValidationProblem, ProblemHttpResult>> UpdateBin(
        Guid id, Guid binId, BinRequest request, EdgeDbContext db, IOptions<EdgeOptions> options, CancellationToken cancellationToken)
    {
        var v = new Validation().OptionalText(request.Description, "description", 200);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var bin = await db.Bins.FirstOrDefaultAsync(b => b.Id == binId && b.LocationId == id, cancellationToken);
        if (bin is null)
        {
            return Problems.NotFound("No such bin.");
        }

        if (await db.Locations.AsNoTracking().FirstAsync(l => l.Id == id, cancellationToken) is var owner && OwnedElsewhere(owner, options) is { } refusal)
        {
            return refusal;
        }

        // The code stays: ledger lines and levels name the bin by its code.
        bin.Description = request.Description ?? bin.Description;
        bin.IsActive = request.IsActive ?? bin.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(bin));
    }

    private static async Task<Ok<SettingView>> GetSetting(Guid id, Guid productId, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var setting = await db.LocationProductSettings.AsNoTracking()
            .FirstOrDefaultAsync(s => s.LocationId == id && s.ProductId == productId, cancellationToken);
        return TypedResults.Ok(setting is null ? new SettingView(id, productId, null, null, null) : ToView(setting));
    }

    private static async Task<Results<Ok<SettingView>, ValidationProblem, ProblemHttpResult>> PutSetting(Guid id, Guid productId, SettingRequest request, EdgeDbContext db, IOptions<EdgeOptions> options, CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Require(request.ReorderPoint is null or >= 0, "reorderPoint", "'reorderPoint' cannot be negative.")
            .Require(request.ReorderQuantity is null or >= 0, "reorderQuantity", "'reorderQuantity' cannot be negative.")
            .Require(request.MaxLevel is null or >= 0, "maxLevel", "'maxLevel' cannot be negative.")
            .Require(request.MaxLevel is null || request.ReorderPoint is null || request.MaxLevel == 0 || request.MaxLevel > request.ReorderPoint,
                "maxLevel", "'maxLevel' is above 'reorderPoint'.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        if (await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } location)
        {
            return Problems.NotFound("No such location.");
        }

        // Reorder settings are the location's: only its own site sets them, like the rest of the location.
        if (OwnedElsewhere(location, options) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
        {
            return Problems.NotFound("No such product.");
        }

        var setting = await db.LocationProductSettings.FirstOrDefaultAsync(s => s.LocationId == id && s.ProductId == productId, cancellationToken);
        if (setting is null)
        {
            setting = new LocationProductSetting { LocationId = id, ProductId = productId };
            db.LocationProductSettings.Add(setting);
        }

        setting.ReorderPoint = request.ReorderPoint;
        setting.ReorderQuantity = request.ReorderQuantity;
        setting.MaxLevel = request.MaxLevel;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(setting));
    }

    /// <summary>A location (and its bins) is edited only at its own site; other sites' come from the cloud.</summary>
    private static ProblemHttpResult? OwnedElsewhere(Location location, IOptions<EdgeOptions> options) =>
        location.SiteCode == options.Value.Site.Code
            ? null
            : Problems.Conflict($"Location {location.Code} belongs to site {location.SiteCode}; only that site edits it.", "Owned by another site");

    private static Validation Validate(LocationRequest r) => new Validation()
        .RequireText(r.Code, "code", 10)
        .Require(r.Code is null || System.Text.RegularExpressions.Regex.IsMatch(r.Code.Trim(), "^[A-Za-z0-9_-]+$"),
            "code", "A location code has letters, digits, '-' and '_' only.")
        .RequireText(r.Name, "name", 100)
        .Require(r.Type is not null && LocationTypes.All.Contains(r.Type), "type", "'type' is one of warehouse, store, fulfillment_center.")
        .OptionalText(r.Address, "address", 500)
        .Require(r.Capacity is null or >= 0, "capacity", "'capacity' cannot be negative.");

    private static LocationView ToView(Location l) =>
        new(l.Id, l.Code, l.Name, l.Type, l.Address, l.IsActive, l.Capacity, l.AllowNegative, l.SiteCode, l.Version);

    private static BinView ToView(Bin b) => new(b.Id, b.LocationId, b.Code, b.Description, b.IsActive);

    private static SettingView ToView(LocationProductSetting s) =>
        new(s.LocationId, s.ProductId, s.ReorderPoint, s.ReorderQuantity, s.MaxLevel);
}
