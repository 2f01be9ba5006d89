using Inventory.Cloud.Features.Sync.Push;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Lots;

/// <summary>The checks of a lot a site pushes; the first problem refuses the batch (<see cref="PushValidation"/>).</summary>
internal static class LotValidation
{
    public static Guid CheckLot(LotRecord l, string at)
    {
        PushValidation.Require(l.ProductId != Guid.Empty, $"{at}: 'productId' is required.");
        PushValidation.Require(!string.IsNullOrEmpty(l.Lot) && l.Lot.Length <= LedgerLimits.MaxLotLength,
            $"{at}: 'lot' is required, at most {LedgerLimits.MaxLotLength} characters.");
        PushValidation.Require(l.Status is LotStatus.Available or LotStatus.Hold, $"{at}: unknown status '{l.Status}'.");
        PushValidation.Require((l.HoldReason?.Length ?? 0) <= LotRules.MaxReasonLength, $"{at}: 'holdReason' is too long.");
        return l.Id;
    }
}
