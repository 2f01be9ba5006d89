using System.Text.Json;
using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Inventory.Edge.Features.Sync;

public sealed partial class OutboxInterceptor
{
    /// <summary>
    /// A cycle count travels edge → cloud whole (header and every line), but only once it means something to the cloud's
    /// reports: when its status changes (submitted, approved, completed, cancelled) or a line changes after submission
    /// (a recount, an approval). Counting an open count line by line records nothing: a count of 20,000 lines would
    /// otherwise be sent whole after every scan.
    /// </summary>
    private void RecordCounts(EdgeDbContext db, Dictionary<Guid, EntityEntry<CycleCount>?> counts, DateTimeOffset now)
    {
        foreach (var (id, known) in counts)
        {
            var entry = known ?? FindCount(db, id);
            if (entry is null || entry.State is EntityState.Deleted or EntityState.Added || entry.Entity.Status == CycleCountStatus.Open
                || (known is not null && !entry.Property(c => c.Status).IsModified && !LinesChanged(db, id)))
            {
                continue;
            }

            var record = SyncRecords.ToRecord(WithLines(db, entry), _site);
            Add(db, entry, ChangeKinds.CycleCount, id, JsonSerializer.Serialize(record, SyncJson.Default.CycleCountRecord), now);
        }
    }

    private static bool LinesChanged(EdgeDbContext db, Guid countId) =>
        db.ChangeTracker.Entries<CycleCountLine>().Any(e => e.Entity.CountId == countId && e.State != EntityState.Unchanged);

    private static EntityEntry<CycleCount>? FindCount(EdgeDbContext db, Guid id)
    {
        // Only lines changed and the count is not tracked: load it so the record carries the whole count.
        var count = db.CycleCounts.Find(id);
        return count is null ? null : db.Entry(count);
    }

    /// <summary>The count with its stored lines overlaid by what this save changes.</summary>
    private static CycleCount WithLines(EdgeDbContext db, EntityEntry<CycleCount> entry)
    {
        var id = entry.Entity.Id;
        var tracked = db.ChangeTracker.Entries<CycleCountLine>().Where(e => e.Entity.CountId == id).ToDictionary(e => e.Entity.Id);
        var lines = db.CycleCountLines.AsNoTracking().Where(l => l.CountId == id).ToList()
            .Where(l => !tracked.ContainsKey(l.Id)).ToList();
        lines.AddRange(tracked.Values.Where(t => t.State is not (EntityState.Deleted or EntityState.Detached)).Select(t => t.Entity));
        var count = entry.Entity;
        return new CycleCount
        {
            Id = count.Id, Number = count.Number, LocationId = count.LocationId, Source = count.Source, CategoryId = count.CategoryId,
            AbcClass = count.AbcClass, Bins = count.Bins, Blind = count.Blind, Status = count.Status, CreatedBy = count.CreatedBy,
            CreatedAt = count.CreatedAt, SubmittedAt = count.SubmittedAt, SubmittedBy = count.SubmittedBy, CompletedAt = count.CompletedAt,
            UpdatedAt = count.UpdatedAt, Lines = lines,
        };
    }
}
