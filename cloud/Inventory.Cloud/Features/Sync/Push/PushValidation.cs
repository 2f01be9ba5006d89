using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Inventory.Cloud.Features.Lots;
using Inventory.Domain.Ledger;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>Checks a batch before anything is written; the first problem refuses it whole.</summary>
public static class PushValidation
{
    public static void Check(PushBatch batch, string site)
    {
        if (!string.Equals(batch.SiteCode, site, StringComparison.Ordinal))
        {
            throw SyncRefusedException.Forbidden($"This credential belongs to site {site}, the batch says {batch.SiteCode}.");
        }

        var movements = batch.Movements ?? throw SyncRefusedException.BadBatch("'movements' is missing.");
        var changes = batch.Changes ?? throw SyncRefusedException.BadBatch("'changes' is missing.");
        Require(movements.Count <= SyncProtocol.MaxMovementsPerPush, $"A push carries at most {SyncProtocol.MaxMovementsPerPush} movements.");
        Require(changes.Count <= SyncProtocol.MaxChangesPerPush, $"A push carries at most {SyncProtocol.MaxChangesPerPush} changes.");
        Require(batch.MovementsAfter >= 0 && batch.MovementsAfter <= batch.MovementsUpTo, "The movement cursors are out of order.");
        Require(batch.ChangesAfter >= 0 && batch.ChangesAfter <= batch.ChangesUpTo, "The change cursors are out of order.");
        var ids = new HashSet<Guid>(movements.Count);
        foreach (var m in movements)
        {
            CheckMovement(m, batch, ids);
        }

        foreach (var c in changes)
        {
            CheckChange(c, batch, site);
        }
    }

    // Messages are formatted only for a movement that fails: a push is up to 10,000 of them.
    private static void CheckMovement(MovementRecord m, PushBatch batch, HashSet<Guid> ids)
    {
        if (m.Id == Guid.Empty || m.ProductId == Guid.Empty || m.LocationId == Guid.Empty)
        {
            Fail(m, "ids are required.");
        }

        if (!ids.Add(m.Id))
        {
            Fail(m, "it is in the batch twice.");
        }

        if (m.Seq <= batch.MovementsAfter || m.Seq > batch.MovementsUpTo)
        {
            Fail(m, $"seq {m.Seq} is outside the batch's cursors.");
        }

        if (!MovementTypes.TryParse(m.Type, out _))
        {
            Fail(m, $"unknown type '{m.Type}'.");
        }

        if (Math.Abs(m.Quantity) > LedgerLimits.MaxQuantity || Math.Abs(m.ReservedDelta) > LedgerLimits.MaxQuantity)
        {
            Fail(m, "quantity out of range.");
        }

        if (m.UnitCost is < 0 or > LedgerLimits.MaxUnitCost)
        {
            Fail(m, "unit cost out of range.");
        }

        if (m.Bin is null || m.Lot is null)
        {
            Fail(m, "'bin' and 'lot' are required (empty for none).");
        }

        if (m.Bin.Length > LedgerLimits.MaxBinLength || m.Lot.Length > LedgerLimits.MaxLotLength
            || (m.Note?.Length ?? 0) > LedgerLimits.MaxNoteLength || (m.ReferenceId?.Length ?? 0) > LedgerLimits.MaxReferenceLength
            || (m.Reason?.Length ?? 0) > 50 || (m.ReferenceType?.Length ?? 0) > 50 || (m.DeviceId?.Length ?? 0) > 64
            || (m.Expiry?.Length ?? 0) > 10)
        {
            Fail(m, "a text field is too long.");
        }
    }

    [DoesNotReturn]
    private static void Fail(MovementRecord m, string problem) => throw SyncRefusedException.BadBatch($"Movement {m.Id}: {problem}");

    private static void CheckChange(ChangeRecord c, PushBatch batch, string site)
    {
        var at = $"Change {c.Seq} ({c.Kind} {c.Id})";
        Require(c.Seq > batch.ChangesAfter && c.Seq <= batch.ChangesUpTo, $"{at}: seq is outside the batch's cursors.");
        Require(ChangeKinds.FromEdge.Contains(c.Kind), $"{at}: a site may not send '{c.Kind}' changes.");
        Require(HybridLogicalClock.TryParse(c.Hlc, out _, out _), $"{at}: 'hlc' is not a clock stamp.");
        Require(c.BaseHlc is null || HybridLogicalClock.TryParse(c.BaseHlc, out _, out _), $"{at}: 'baseHlc' is not a clock stamp.");
        try
        {
            Guid id = c.Kind switch
            {
                ChangeKinds.Product => SyncJson.Read<ProductRecord>(c.Data).Id,
                ChangeKinds.Category => SyncJson.Read<CategoryRecord>(c.Data).Id,
                ChangeKinds.Location => CheckLocation(SyncJson.Read<LocationRecord>(c.Data), site, at),
                ChangeKinds.Bin => SyncJson.Read<BinRecord>(c.Data).Id,
                ChangeKinds.Supplier => PurchasingValidation.CheckSupplier(SyncJson.Read<SupplierRecord>(c.Data), at),
                ChangeKinds.SupplierProduct => PurchasingValidation.CheckSupplierProduct(SyncJson.Read<SupplierProductRecord>(c.Data), at),
                ChangeKinds.PurchaseOrder => PurchasingValidation.CheckPurchaseOrder(SyncJson.Read<PurchaseOrderRecord>(c.Data), site, at),
                ChangeKinds.Lot => LotValidation.CheckLot(SyncJson.Read<LotRecord>(c.Data), at),
                ChangeKinds.CycleCount => CountingValidation.CheckCycleCount(SyncJson.Read<CycleCountRecord>(c.Data), site, at),
                _ => CheckTransfer(SyncJson.Read<TransferRecord>(c.Data), site, at),
            };
            Require(id == c.Id, $"{at}: the data is of another id.");
        }
        catch (JsonException e)
        {
            throw SyncRefusedException.BadBatch($"{at}: the data does not read as a {c.Kind}: {e.Message}");
        }
    }

    private static Guid CheckLocation(LocationRecord l, string site, string at)
    {
        if (!string.Equals(l.SiteCode, site, StringComparison.Ordinal))
        {
            throw SyncRefusedException.Forbidden($"{at}: location {l.Code} belongs to site {l.SiteCode}, not {site}.");
        }

        Require(!string.IsNullOrWhiteSpace(l.Code) && l.Code.Length <= 50 && !string.IsNullOrWhiteSpace(l.Name), $"{at}: code and name are required.");
        return l.Id;
    }

    private static Guid CheckTransfer(TransferRecord t, string site, string at)
    {
        if (t.FromSite != site && t.ToSite != site)
        {
            throw SyncRefusedException.Forbidden($"{at}: transfer between {t.FromSite} and {t.ToSite} is not this site's.");
        }

        Require(t.Status is TransferStatuses.InTransit or TransferStatuses.Received, $"{at}: unknown status '{t.Status}'.");
        Require(t.QuantityShipped > 0 && t.QuantityShipped <= LedgerLimits.MaxQuantity, $"{at}: shipped quantity out of range.");
        return t.Id;
    }

    internal static void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw SyncRefusedException.BadBatch(detail);
        }
    }
}
