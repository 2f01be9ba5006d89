using Inventory.Domain.Counting;
using Inventory.Domain.Ledger;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>The checks of a pushed cycle count, before anything of the batch is written (the location's owner in <see cref="CycleCountApplier"/>).</summary>
internal static class CountingValidation
{
    /// <summary>Lines of one count: a location of 20,000 product-bins is counted in one count.</summary>
    public const int MaxLines = 50_000;

    private static readonly string[] CountStatuses =
        [CycleCountStatus.Open, CycleCountStatus.NeedsApproval, CycleCountStatus.Completed, CycleCountStatus.Cancelled];

    private static readonly string[] LineStatuses =
        [CountLineStatus.Pending, CountLineStatus.Counted, CountLineStatus.NeedsApproval, CountLineStatus.Posted, CountLineStatus.Cancelled];

    public static Guid CheckCycleCount(CycleCountRecord count, string site, string at)
    {
        if (!string.Equals(count.SiteCode, site, StringComparison.Ordinal))
        {
            throw SyncRefusedException.Forbidden($"{at}: cycle count {count.Number} belongs to site {count.SiteCode}, not {site}.");
        }

        PushValidation.Require(count.Id != Guid.Empty && count.LocationId != Guid.Empty, $"{at}: ids are required.");
        PushValidation.Require(count.Number is { Length: <= 40 } && count.Number.StartsWith($"CC-{site}-", StringComparison.Ordinal),
            $"{at}: the number is not CC-{site}-….");
        PushValidation.Require(count.Source is "plan" or "manual", $"{at}: source is plan or manual.");
        PushValidation.Require(CountStatuses.Contains(count.Status), $"{at}: unknown status '{count.Status}'.");
        PushValidation.Require(count.AbcClass is null || AbcClass.All.Contains(count.AbcClass), $"{at}: the ABC class is A, B or C.");
        var bins = count.Bins ?? [];
        PushValidation.Require(bins.Count <= 1000 && bins.All(b => b is { Length: <= LedgerLimits.MaxBinLength }), $"{at}: a bin is too long.");
        var lines = count.Lines ?? [];
        PushValidation.Require(lines.Count <= MaxLines, $"{at}: a count carries at most {MaxLines} lines.");
        PushValidation.Require(lines.All(l => l.Id != Guid.Empty && l.ProductId != Guid.Empty) && lines.Select(l => l.Id).Distinct().Count() == lines.Count,
            $"{at}: line ids are distinct and not empty.");
        foreach (var l in lines)
        {
            CheckLine(l, $"{at} line {l.Id}");
        }

        return count.Id;
    }

    private static void CheckLine(CycleCountLineRecord l, string at)
    {
        PushValidation.Require(LineStatuses.Contains(l.Status), $"{at}: unknown status '{l.Status}'.");
        PushValidation.Require(l.Decision is CountDecision.Variance or CountDecision.CountedWins, $"{at}: unknown decision '{l.Decision}'.");
        PushValidation.Require(AbcClass.All.Contains(l.AbcClass), $"{at}: the ABC class is A, B or C.");
        PushValidation.Require(l.Expected is >= 0 and <= LedgerLimits.MaxQuantity && l.Counted is null or (>= 0 and <= LedgerLimits.MaxQuantity)
            && l.FirstCounted is null or (>= 0 and <= LedgerLimits.MaxQuantity), $"{at}: quantities are 0 or more.");
        PushValidation.Require(l.PostedQuantity is null || Math.Abs(l.PostedQuantity.Value) <= LedgerLimits.MaxQuantity, $"{at}: posted quantity out of range.");
        PushValidation.Require(l.UnitCost is null or (>= 0 and <= LedgerLimits.MaxUnitCost), $"{at}: unit cost out of range.");
        PushValidation.Require(l.Bin is { Length: <= LedgerLimits.MaxBinLength } && l.Lot is { Length: <= LedgerLimits.MaxLotLength }
            && (l.ApprovalReason?.Length ?? 0) <= 500, $"{at}: a text field is too long.");
        PushValidation.Require(l.Status is CountLineStatus.Pending or CountLineStatus.Cancelled || l.Counted is not null,
            $"{at}: a {l.Status} line has a counted figure.");
    }
}
