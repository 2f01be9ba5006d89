using System.Text.RegularExpressions;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Domain.Purchasing;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Sites;

public static partial class SiteEndpoints
{
    public sealed record CreateSiteRequest(string? Code, string? Name);

    /// <summary>The only answer that ever holds the credential; the cloud keeps its hash.</summary>
    public sealed record SiteCredentialView(string Code, string Name, string Credential);

    /// <summary>A site as the dashboard shows it: every figure with the time it is from.</summary>
    public sealed record SiteView(
        string Code,
        string Name,
        bool HasCredential,
        DateTimeOffset? LastContactAt,
        DateTimeOffset? LastPushAt,
        DateTimeOffset? LastPullAt,
        long Pending,
        double? LagSeconds,
        long MovementsCursor,
        int ProtocolVersion);

    public static void MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sites").WithTags("Sites");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ViewInventory)
            .WithName("ListSites")
            .WithSummary("Every site with its last contact, replication lag and pending movements.");
        group.MapPost("/", CreateAsync).RequirePermission(Permission.ManageSites)
            .WithName("CreateSite").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a site; the answer holds its credential, shown this once.");
        group.MapPost("/{code}/credential", RotateAsync).RequirePermission(Permission.ManageSites)
            .WithName("RotateSiteCredential").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Issue a new credential; the old one stops working at once.");
        group.MapDelete("/{code}/credential", RevokeAsync).RequirePermission(Permission.ManageSites)
            .WithName("RevokeSiteCredential").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke the site's credential; its box can no longer sync.");
    }

    private static async Task<Ok<List<SiteView>>> ListAsync(CloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Sites.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new SiteView(s.Code, s.Name, s.CredentialHash != null, s.LastContactAt, s.LastPushAt, s.LastPullAt,
                s.Pending, s.LagSeconds, s.MovementsCursor, s.ProtocolVersion))
            .ToListAsync(ct));

    private static async Task<Results<Created<SiteCredentialView>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateSiteRequest request, CloudDbContext db, TimeProvider time, CancellationToken ct)
    {
        var validation = new Validation()
            .RequireText(request.Code, "code", 10)
            .Require(request.Code is null || CodePattern().IsMatch(request.Code), "code", "A site code is 1-10 letters, digits, '-' or '_'.")
            .RequireText(request.Name, "name", 200)
            // The cloud numbers its own purchase orders PO-HQ-…: a site of that code would number into the same range.
            .Require(!string.Equals(request.Code, PurchaseOrderNumber.CloudPrefix, StringComparison.OrdinalIgnoreCase), "code",
                $"'{PurchaseOrderNumber.CloudPrefix}' is the cloud's own prefix for purchase order numbers; choose another code.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await db.Sites.AnyAsync(s => s.Code == request.Code, ct))
        {
            return Problems.Conflict($"Site {request.Code} exists; issue a new credential for it instead.");
        }

        var credential = MachineSecrets.NewSecret();
        var now = time.GetUtcNow();
        db.Sites.Add(new Site
        {
            Code = request.Code!,
            Name = request.Name!.Trim(),
            CredentialHash = MachineSecrets.Hash(credential),
            CredentialIssuedAt = now,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/sites/{request.Code}", new SiteCredentialView(request.Code!, request.Name.Trim(), credential));
    }

    private static async Task<Results<Ok<SiteCredentialView>, ProblemHttpResult>> RotateAsync(string code, CloudDbContext db, TimeProvider time, CancellationToken ct)
    {
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (site is null)
        {
            return Problems.NotFound("No such site.");
        }

        var credential = MachineSecrets.NewSecret();
        site.CredentialHash = MachineSecrets.Hash(credential);
        site.CredentialIssuedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SiteCredentialView(site.Code, site.Name, credential));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string code, CloudDbContext db, CancellationToken ct)
    {
        var updated = await db.Sites.Where(s => s.Code == code)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CredentialHash, (string?)null), ct);
        return updated == 0 ? Problems.NotFound("No such site.") : TypedResults.NoContent();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,10}$")]
    private static partial Regex CodePattern();
}
