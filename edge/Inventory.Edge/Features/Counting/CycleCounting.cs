using System.Globalization;
using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// A count's steps after it was made: enter figures, submit (within tolerance posts at once, beyond waits), recount by
/// another user, a manager's approval, cancel. Every step checks all its input before changing anything. Adjustments go
/// through <see cref="CountPosting"/> (the single ledger writer) before the line is marked posted.
/// </summary>
internal sealed class CycleCounting(EdgeDbContext db, CountPosting posting, AbcClasses abc, TimeProvider time)
{
    /// <summary>The location's tolerance: its count plan's, else the default policy's.</summary>
    public async Task<CountPolicy> PolicyAsync(Guid locationId, CancellationToken ct)
    {
        var plan = await db.CountPlans.AsNoTracking().FirstOrDefaultAsync(p => p.LocationId == locationId, ct);
        return plan is null
            ? CountPolicy.Default
            : CountPolicy.Default with
            {
                FrequencyDays = new PerClass<int>(plan.FrequencyA, plan.FrequencyB, plan.FrequencyC),
                TolerancePercent = new PerClass<decimal>(plan.ToleranceA, plan.ToleranceB, plan.ToleranceC),
                ValueThreshold = plan.ValueThreshold,
            };
    }

    private Task<CycleCount?> TrackedAsync(Guid id, CancellationToken ct) =>
        db.CycleCounts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Enters figures on an open count; an item found in a bin that is not on the count is added (expected 0).</summary>
    public async Task<CountOutcome> CountAsync(Guid id, IReadOnlyList<CountedLineRequest> lines, Guid? userId, CancellationToken ct)
    {
        var count = await TrackedAsync(id, ct);
        if (count is null)
        {
            return CountOutcome.NotFound(id);
        }

        if (count.Status != CycleCountStatus.Open)
        {
            return CountOutcome.Conflict($"{count.Number} is {count.Status}: it is no longer counted (a waiting line is recounted with /recount).");
        }

        var byId = count.Lines.ToDictionary(l => l.Id);
        if (lines.FirstOrDefault(l => l.LineId is { } lineId && !byId.ContainsKey(lineId)) is { } unknown)
        {
            return CountOutcome.Invalid($"Line {unknown.LineId} is not a line of {count.Number}.");
        }

        var found = lines.Where(l => l.LineId is null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => found.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CostPrice, ct);
        if (found.FirstOrDefault(p => !products.ContainsKey(p)) is var missing && missing != Guid.Empty)
        {
            return CountOutcome.Invalid($"No product with id {missing}.");
        }

        var now = time.GetUtcNow();
        var classes = found.Count > 0 ? await abc.TodayAsync(ct) : null;
        foreach (var entry in lines)
        {
            var line = entry.LineId is { } lineId ? byId[lineId] : FoundLine(count, entry, classes!, products[entry.ProductId!.Value]);
            line.Counted = (long)entry.Counted!.Value;
            line.CountedBy = userId;
            line.CountedAt = now;
            line.Status = CountLineStatus.Counted;
        }

        count.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.ChangeTracker.Clear();
            return CountOutcome.Conflict("An item found in a bin is already in another open count; count it there.");
        }

        return new CountOutcome(CountOutcomeKind.Ok);
    }

    private CycleCountLine FoundLine(CycleCount count, CountedLineRequest entry, IReadOnlyDictionary<Guid, string> classes, decimal? cost)
    {
        var (productId, bin, lot) = (entry.ProductId!.Value, entry.Bin?.Trim() ?? "", entry.Lot?.Trim() ?? "");
        var existing = count.Lines.FirstOrDefault(l => l.ProductId == productId && l.Bin == bin && l.Lot == lot && l.Status != CountLineStatus.Cancelled);
        if (existing is not null)
        {
            return existing;
        }

        var line = new CycleCountLine
        {
            Id = Guid.CreateVersion7(),
            CountId = count.Id,
            LocationId = count.LocationId,
            ProductId = productId,
            Bin = bin,
            Lot = lot,
            AbcClass = AbcClasses.Of(classes, productId),
            Expected = 0,
            UnitCost = cost,
            Added = true,
        };
        // Added to the set, not only to the tracked count's list: a new line with its own id is an insert.
        db.CycleCountLines.Add(line);
        count.Lines.Add(line);
        return line;
    }

    /// <summary>
    /// Submits an open count: every line must be counted. Lines within tolerance post at once; lines beyond wait for a
    /// recount or a manager (nothing posted for them). A retry after a failure posts each line once.
    /// </summary>
    public async Task<CountOutcome> SubmitAsync(Guid id, Guid? userId, CancellationToken ct)
    {
        var count = await TrackedAsync(id, ct);
        if (count is null)
        {
            return CountOutcome.NotFound(id);
        }

        if (count.Status != CycleCountStatus.Open)
        {
            return CountOutcome.Conflict($"{count.Number} is already {count.Status}.");
        }

        var uncounted = count.Lines.Count(l => l.Status == CountLineStatus.Pending);
        if (uncounted > 0)
        {
            return CountOutcome.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{uncounted} of {count.Lines.Count} lines of {count.Number} are not counted yet; count them (0 when the bin is empty) before submitting."));
        }

        var policy = await PolicyAsync(count.LocationId, ct);
        var now = time.GetUtcNow();
        foreach (var line in count.Lines.Where(l => l.Status == CountLineStatus.Counted))
        {
            line.WithinTolerance = policy.IsWithinTolerance(line.AbcClass, line.Expected, line.Counted!.Value, line.UnitCost);
        }

        var failure = await PostAllAsync(count, count.Lines.Where(l => l.Status == CountLineStatus.Counted && l.WithinTolerance == true).ToList(), userId, now, ct);
        if (failure is not null)
        {
            // What posted is recorded; the count stays open and a new submit posts the rest, each line once.
            await db.SaveChangesAsync(ct);
            return new CountOutcome(CountOutcomeKind.Failed, failure);
        }

        foreach (var line in count.Lines.Where(l => l.Status == CountLineStatus.Counted))
        {
            line.Status = CountLineStatus.NeedsApproval;
        }

        count.SubmittedAt = now;
        count.SubmittedBy = userId;
        Settle(count, now);
        await db.SaveChangesAsync(ct);
        return Answer(count);
    }

    /// <summary>A recount of waiting lines by someone other than who counted them: the new figure decides, judged again.</summary>
    public async Task<CountOutcome> RecountAsync(Guid id, IReadOnlyList<CountedLineRequest> lines, Guid? userId, CancellationToken ct)
    {
        var count = await TrackedAsync(id, ct);
        if (count is null)
        {
            return CountOutcome.NotFound(id);
        }

        var byId = count.Lines.ToDictionary(l => l.Id);
        if (lines.FirstOrDefault(l => l.LineId is not { } lineId || !byId.ContainsKey(lineId)) is { } unknown)
        {
            return CountOutcome.Invalid(unknown.LineId is null ? "A recount names each line ('lineId')." : $"Line {unknown.LineId} is not a line of {count.Number}.");
        }

        if (lines.FirstOrDefault(l => byId[l.LineId!.Value].Status != CountLineStatus.NeedsApproval) is { } notWaiting)
        {
            return CountOutcome.Conflict($"Line {notWaiting.LineId} of {count.Number} is {byId[notWaiting.LineId!.Value].Status}; only a line waiting for approval is recounted.");
        }

        if (lines.FirstOrDefault(l => byId[l.LineId!.Value].CountedBy == userId) is { } same)
        {
            return CountOutcome.Conflict($"Line {same.LineId} was counted by you: a recount is made by someone else (or a manager approves it).");
        }

        var policy = await PolicyAsync(count.LocationId, ct);
        var now = time.GetUtcNow();
        var toPost = new List<CycleCountLine>();
        foreach (var entry in lines)
        {
            var line = byId[entry.LineId!.Value];
            line.FirstCounted ??= line.Counted;
            line.FirstCountedBy ??= line.CountedBy;
            line.Counted = (long)entry.Counted!.Value;
            line.CountedBy = userId;
            line.CountedAt = now;
            line.WithinTolerance = policy.IsWithinTolerance(line.AbcClass, line.Expected, line.Counted.Value, line.UnitCost);
            if (line.WithinTolerance == true)
            {
                toPost.Add(line);
            }
        }

        return await FinishAsync(count, toPost, userId, now, ct);
    }

    /// <summary>A manager's approval of waiting lines, each with a reason and, optionally, "counted wins".</summary>
    public async Task<CountOutcome> ApproveAsync(Guid id, ApprovalRequest request, Guid? userId, CancellationToken ct)
    {
        var count = await TrackedAsync(id, ct);
        if (count is null)
        {
            return CountOutcome.NotFound(id);
        }

        var byId = count.Lines.ToDictionary(l => l.Id);
        var asked = request.Lines is { Count: > 0 } listed
            ? listed.Select(l => (l.LineId!.Value, l.Reason!.Trim(), l.Decision ?? CountDecision.Variance)).ToList()
            : [.. count.Lines.Where(l => l.Status == CountLineStatus.NeedsApproval).Select(l => (l.Id, request.Reason!.Trim(), CountDecision.Variance))];
        var unknown = asked.Where(a => !byId.ContainsKey(a.Item1)).Select(a => (Guid?)a.Item1).FirstOrDefault();
        if (unknown is not null)
        {
            return CountOutcome.Invalid($"Line {unknown} is not a line of {count.Number}.");
        }

        if (asked.Count == 0)
        {
            return CountOutcome.Conflict($"{count.Number} has no line waiting for approval.");
        }

        var done = asked.Where(a => byId[a.Item1].Status != CountLineStatus.NeedsApproval).Select(a => (Guid?)a.Item1).FirstOrDefault();
        if (done is { } doneId)
        {
            return CountOutcome.Conflict($"Line {doneId} of {count.Number} is {byId[doneId].Status}, not waiting for approval.");
        }

        var now = time.GetUtcNow();
        foreach (var (lineId, reason, decision) in asked)
        {
            var line = byId[lineId];
            line.Decision = decision;
            line.ApprovalReason = reason;
            line.ApprovedBy = userId;
            line.ApprovedAt = now;
        }

        return await FinishAsync(count, [.. asked.Select(a => byId[a.Item1])], userId, now, ct);
    }

    /// <summary>Cancels an open count: its lines are cancelled and their stock may be counted again.</summary>
    public async Task<CountOutcome> CancelAsync(Guid id, CancellationToken ct)
    {
        var count = await TrackedAsync(id, ct);
        if (count is null)
        {
            return CountOutcome.NotFound(id);
        }

        if (count.Status != CycleCountStatus.Open)
        {
            return CountOutcome.Conflict($"{count.Number} is {count.Status}; only an open count is cancelled.");
        }

        var now = time.GetUtcNow();
        foreach (var line in count.Lines)
        {
            line.Status = CountLineStatus.Cancelled;
        }

        count.Status = CycleCountStatus.Cancelled;
        count.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new CountOutcome(CountOutcomeKind.Ok);
    }

    private async Task<CountOutcome> FinishAsync(CycleCount count, List<CycleCountLine> toPost, Guid? userId, DateTimeOffset now, CancellationToken ct)
    {
        var failure = await PostAllAsync(count, toPost, userId, now, ct);
        Settle(count, now);
        await db.SaveChangesAsync(ct);
        return failure is null ? Answer(count) : new CountOutcome(CountOutcomeKind.Failed, failure);
    }

    private Task<string?> PostAllAsync(CycleCount count, List<CycleCountLine> lines, Guid? userId, DateTimeOffset now, CancellationToken ct) =>
        posting.PostAsync(count, lines, userId, now, ct);

    /// <summary>A submitted count is completed once no line waits.</summary>
    private static void Settle(CycleCount count, DateTimeOffset now)
    {
        count.UpdatedAt = now;
        if (count.Status == CycleCountStatus.Cancelled)
        {
            return;
        }

        if (count.Lines.Any(l => l.Status == CountLineStatus.NeedsApproval))
        {
            count.Status = CycleCountStatus.NeedsApproval;
        }
        else if (count.SubmittedAt is not null)
        {
            count.Status = CycleCountStatus.Completed;
            count.CompletedAt ??= now;
        }
    }

    private static CountOutcome Answer(CycleCount count) => new(CountOutcomeKind.Ok, Submission: new SubmissionView(
        count.Id, count.Number, count.Status,
        [.. count.Lines.Where(l => l.Counted is not null && l.Status != CountLineStatus.Cancelled)
            .OrderBy(l => l.Bin, StringComparer.Ordinal).ThenBy(l => l.Lot, StringComparer.Ordinal)
            .Select(l => new SubmittedLineView(l.Id, l.Expected, l.Counted!.Value, l.Counted.Value - l.Expected, l.Status, l.WithinTolerance == true))]));
}
