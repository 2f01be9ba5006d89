using System.Globalization;
using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Domain.Lots;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Lots;

/// <summary>
/// Lots across the company: what each lot of a product is, where its stock is, and holds (a recall) placed or released
/// here, which reach every box with its next pull and are enforced there from then on, also offline.
/// </summary>
public static partial class LotEndpoints
{
    /// <summary>A site's stock of the lot: the sum of its levels the cloud knows.</summary>
    public sealed record LotSiteView(string SiteCode, long Quantity);

    /// <summary>
    /// A lot of a product: <c>status</c> is available, hold or expired (derived from the expiry and today);
    /// <c>quantity</c> is the sum of every site's levels of the lot.
    /// </summary>
    public sealed record LotView(
        Guid ProductId, string Lot, DateOnly? Expiry, long Quantity, string Status, string? HoldReason, DateTimeOffset? HeldAt,
        IReadOnlyList<LotSiteView> Sites);

    public sealed record LotList(IReadOnlyList<LotView> Items);

    public static void MapLotsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lots", ListAsync).RequirePermission(Permission.ViewInventory).WithTags("Lots")
            .WithName("ListLots")
            .WithSummary("The lots of a product: a row of the lots table or a lot code on any site's stock, with status and quantity per site.");
        app.MapPost("/api/lots/hold", HoldAsync).RequirePermission(Permission.HoldLots).WithTags("Lots")
            .WithName("HoldLot").WithSummary("Put a lot on hold (a recall): every box refuses to allocate it from its next pull on.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost("/api/lots/release", ReleaseAsync).RequirePermission(Permission.HoldLots).WithTags("Lots")
            .WithName("ReleaseLot").WithSummary("Release a held lot at every box.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<LotList>, ValidationProblem>> ListAsync(
        CloudDbContext db, TimeProvider time, Guid? productId, CancellationToken ct)
    {
        if (productId is not { } product || product == Guid.Empty)
        {
            return new Validation().Add("productId", "'productId' is required.").ToProblem();
        }

        return TypedResults.Ok(new LotList(await ReadAsync(db, product, lot: null, Today(time), ct)));
    }

    private static async Task<Results<Ok<LotView>, ValidationProblem, ProblemHttpResult>> HoldAsync(
        LotHoldRequest request, CloudDbContext db, CloudEdits edits, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (LotRules.Check(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var (product, code, reason) = (request.ProductId!.Value, request.Lot!, request.Reason!.Trim());
        var row = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.ProductId == product && l.Code == code, ct);
        if (row?.Status == LotStatus.Hold)
        {
            return Problems.Conflict($"Lot {code} is already on hold ({row.HoldReason}).");
        }

        var now = time.GetUtcNow();
        LotRecord record;
        if (row is not null)
        {
            record = ToRecord(row) with { Status = LotStatus.Hold, HoldReason = reason, HeldAt = now, HeldBy = http.User.UserIdOf(), UpdatedAt = now };
        }
        else
        {
            // A lot no box has described yet, known from the stock it left in the ledger: the hold makes its row.
            if (!await KnownAsync(db, product, code, ct))
            {
                return Problems.NotFound($"No site has lot {code} of this product.");
            }

            var expiries = await ExpiriesAsync(db, product, code, ct);
            record = new LotRecord(DeterministicIds.Lot(product, code), product, code, expiries.GetValueOrDefault(code), null, null, null, null,
                LotStatus.Hold, reason, now, http.User.UserIdOf(), now);
        }

        await SaveAsync(edits, record, ct);
        return TypedResults.Ok((await ReadAsync(db, product, code, Today(time), ct)).Single());
    }

    private static async Task<Results<Ok<LotView>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        LotHoldRequest request, CloudDbContext db, CloudEdits edits, HttpContext http, TimeProvider time, ILoggerFactory loggers,
        CancellationToken ct)
    {
        if (LotRules.Check(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var (product, code) = (request.ProductId!.Value, request.Lot!);
        var row = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.ProductId == product && l.Code == code, ct);
        if (row is null && !await KnownAsync(db, product, code, ct))
        {
            return Problems.NotFound($"No site has lot {code} of this product.");
        }

        if (row?.Status != LotStatus.Hold)
        {
            return Problems.Conflict($"Lot {code} is not on hold.");
        }

        var now = time.GetUtcNow();
        await SaveAsync(edits, ToRecord(row) with { Status = LotStatus.Available, HoldReason = null, HeldAt = null, HeldBy = null, UpdatedAt = now }, ct);
        // The record keeps no release reason (the lot is simply available again): the log keeps who and why.
        var (logger, by, why) = (loggers.CreateLogger(typeof(LotEndpoints).FullName!), http.User.UserIdOf(), request.Reason!.Trim());
        LogReleased(logger, code, product, by, why);
        return TypedResults.Ok((await ReadAsync(db, product, code, Today(time), ct)).Single());
    }

    private static async Task<bool> KnownAsync(CloudDbContext db, Guid product, string code, CancellationToken ct) =>
        await db.StockLevels.AnyAsync(l => l.ProductId == product && l.Lot == code, ct)
        || await db.StockMovements.AnyAsync(m => m.ProductId == product && m.Lot == code, ct);

    private static Task<string> SaveAsync(CloudEdits edits, LotRecord record, CancellationToken ct) =>
        edits.SaveAsync(ChangeKinds.Lot, record.Id, SyncJson.ToElement(record),
            (c, tx, data, hlc, now, token) => LotTables.WriteLotAsync(c, tx, data, hlc, origin: null, now, token), ct);

    /// <summary>The lots of a product (or the one named): rows of the lots table and lot codes on any site's levels.</summary>
    internal static async Task<List<LotView>> ReadAsync(CloudDbContext db, Guid product, string? lot, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Lots.AsNoTracking()
            .Where(l => l.ProductId == product && (lot == null || l.Code == lot)).ToDictionaryAsync(l => l.Code, StringComparer.Ordinal, ct);
        var levels = await db.StockLevels.AsNoTracking()
            .Where(l => l.ProductId == product && l.Lot != "" && (lot == null || l.Lot == lot))
            .GroupBy(l => new { l.Lot, l.SiteCode })
            .Select(g => new { g.Key.Lot, g.Key.SiteCode, Quantity = g.Sum(l => l.Quantity) })
            .ToListAsync(ct);
        var expiries = await ExpiriesAsync(db, product, lot, ct);
        var codes = rows.Keys.Union(levels.Select(l => l.Lot), StringComparer.Ordinal);
        return [.. codes.Select(code =>
            {
                rows.TryGetValue(code, out var row);
                var expiry = row?.Expiry ?? expiries.GetValueOrDefault(code);
                var sites = levels.Where(l => l.Lot == code && l.Quantity != 0).OrderBy(l => l.SiteCode, StringComparer.Ordinal)
                    .Select(l => new LotSiteView(l.SiteCode, l.Quantity)).ToList();
                return new LotView(product, code, expiry, sites.Sum(s => s.Quantity), LotStatus.Effective(row?.Status, expiry, today),
                    row?.HoldReason, row?.HeldAt, sites);
            })
            .OrderBy(v => v.Expiry is null).ThenBy(v => v.Expiry).ThenBy(v => v.Lot, StringComparer.Ordinal)];
    }

    /// <summary>The expiry each lot's receipts carried, for lots that have no row yet (the latest date where they differ).</summary>
    private static async Task<Dictionary<string, DateOnly?>> ExpiriesAsync(CloudDbContext db, Guid product, string? lot, CancellationToken ct)
    {
        var written = await db.StockMovements.AsNoTracking()
            .Where(m => m.ProductId == product && m.Lot != "" && m.Expiry != null && (lot == null || m.Lot == lot))
            .Select(m => new { m.Lot, m.Expiry }).Distinct().ToListAsync(ct);
        return written
            .Select(w => (w.Lot, Expiry: DateOnly.TryParseExact(w.Expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null))
            .Where(w => w.Expiry is not null)
            .GroupBy(w => w.Lot, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(w => w.Expiry), StringComparer.Ordinal);
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static LotRecord ToRecord(Infrastructure.Data.Entities.Lot l) => new(
        l.Id, l.ProductId, l.Code, l.Expiry, l.BestBefore, l.ManufacturedOn, l.SupplierId, l.PurchaseOrderId, l.Status, l.HoldReason,
        l.HeldAt, l.HeldBy, l.UpdatedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lot {Lot} of product {ProductId} released by {UserId}: {Reason}")]
    private static partial void LogReleased(ILogger logger, string lot, Guid productId, Guid? userId, string reason);
}
