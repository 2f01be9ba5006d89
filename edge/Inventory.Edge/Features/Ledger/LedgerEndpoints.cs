using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Ledger;

/// <summary>The group commit's counters since start.</summary>
public sealed record LedgerStats(long Commits, long Requests, double RequestsPerCommit);

public static class LedgerEndpoints
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton<LedgerNotifications>();
        services.AddSingleton<MovementWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<MovementWriter>());
        services.AddSingleton<InventoryQueries>();
        services.AddSingleton<StockMovementQueries>();
        services.AddSingleton<IdempotencyPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPruner>());
        return services;
    }

    public static void MapLedgerApi(this WebApplication app)
    {
        var inventory = app.MapGroup("/api/inventory").WithTags("Inventory");
        inventory.MapGet("/", ListLevels).RequirePermission(Permission.ViewInventory)
            .WithName("ListLevels")
            .WithSummary("Stock per product and location, with status ok|low|out|over; paged.");
        inventory.MapGet("/{productId:guid}", GetProductLevels).RequirePermission(Permission.ViewInventory)
            .WithName("GetProductLevels").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A product's stock at every location of this site, with bins and lots.");
        inventory.MapMovementApi();

        var movements = app.MapGroup("/api/stock-movements").WithTags("Inventory");
        movements.MapGet("/", ListMovements).RequirePermission(Permission.ViewInventory)
            .WithName("ListMovements")
            .WithSummary("The ledger, newest first, with filters; `next` pages on.");
        movements.MapGet("/{id:guid}", GetMovement).RequirePermission(Permission.ViewInventory)
            .WithName("GetMovement").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One movement of the ledger; its unit cost only for those who may see costs.");

        app.MapGet("/api/ledger/stats", (MovementWriter writer) =>
            {
                var (commits, requests) = writer.Stats;
                return TypedResults.Ok(new LedgerStats(commits, requests, commits == 0 ? 0 : (double)requests / commits));
            })
            .RequirePermission(Permission.ViewDiagnostics).WithTags("Inventory").WithName("GetLedgerStats")
            .WithSummary("Group-commit counters since start: commits, requests, and requests per commit.");
    }

    private static async Task<Results<Ok<Page<LocationLevel>>, ValidationProblem>> ListLevels(
        Guid? locationId, Guid? categoryId, string? status, string? q, int? limit, string? next,
        InventoryQueries queries, CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Require(status is null || status is "ok" or "low" or "out" or "over", "status", "'status' is one of ok, low, out, over.")
            .Paged(limit, next);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var offset = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        return TypedResults.Ok(await queries.ListAsync(locationId, categoryId, status, q, Paging.Limit(limit), offset, cancellationToken));
    }

    private static async Task<Results<Ok<ProductLevels>, ProblemHttpResult>> GetProductLevels(Guid productId, InventoryQueries queries, CancellationToken cancellationToken) =>
        await queries.ForProductAsync(productId, cancellationToken) is { } levels
            ? TypedResults.Ok(levels)
            : Problems.NotFound($"No product with id {productId}.");

    private static async Task<Results<Ok<Page<MovementView>>, ValidationProblem>> ListMovements(
        Guid? productId, Guid? locationId, string? type, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? next,
        ClaimsPrincipal user, StockMovementQueries queries, CancellationToken cancellationToken)
    {
        var typeKnown = MovementTypes.TryParse(type, out var parsed);
        var v = new Validation()
            .Require(type is null || typeKnown, "type",
                "'type' is one of " + string.Join(", ", Enum.GetValues<MovementType>().Select(t => t.ToWireName())) + ".")
            .Paged(limit, next)
            .Require(from is null || to is null || from < to, "to", "'to' comes after 'from'.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var page = await queries.ListAsync(new MovementFilter(
            productId, locationId, type is null ? null : parsed.ToWireName(), from, to,
            next is null ? null : Paging.Cursor(next), Paging.Limit(limit)), cancellationToken);
        return TypedResults.Ok(user.Can(Permission.ViewCostPrices)
            ? page
            : page with { Items = [.. page.Items.Select(m => m.WithoutCost())] });
    }

    private static async Task<Results<Ok<MovementView>, ProblemHttpResult>> GetMovement(Guid id, ClaimsPrincipal user, StockMovementQueries queries, CancellationToken cancellationToken)
    {
        var movement = await queries.FindAsync(id, cancellationToken);
        if (movement is null)
        {
            return Problems.NotFound($"No movement with id {id}.");
        }

        return TypedResults.Ok(user.Can(Permission.ViewCostPrices) ? movement : movement.WithoutCost());
    }
}
