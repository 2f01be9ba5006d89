using Inventory.Domain.Ledger;
using Inventory.Web.Http;

namespace Inventory.Cloud.Features.Lots;

/// <summary>A hold or a release of one lot of one product; the reason is what the boxes and the recall page show.</summary>
public sealed record LotHoldRequest(Guid? ProductId, string? Lot, string? Reason);

public static class LotRules
{
    public const int MaxReasonLength = 500;

    public static Validation Check(LotHoldRequest r) => new Validation()
        .Require(r.ProductId is { } id && id != Guid.Empty, "productId", "'productId' is required.")
        .RequireText(r.Lot, "lot", LedgerLimits.MaxLotLength)
        .RequireText(r.Reason, "reason", MaxReasonLength);
}
