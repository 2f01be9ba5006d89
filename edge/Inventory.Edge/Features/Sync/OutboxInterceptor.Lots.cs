using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Inventory.Edge.Features.Sync;

public sealed partial class OutboxInterceptor
{
    /// <summary>
    /// A lot of any product, added or edited here (a receipt that meets a new lot, a hold placed at this box), goes to
    /// every site: a hold must stop the lot everywhere. A lot is never deleted (the ledger and the levels name it by
    /// its code), and <see cref="LotRecord"/> has no deletion: a row removed here is this box's business alone.
    /// </summary>
    private void RecordLot(EdgeDbContext db, EntityEntry entry, Lot lot, DateTimeOffset now)
    {
        if (entry.State == EntityState.Deleted)
        {
            return;
        }

        Add(db, entry, ChangeKinds.Lot, lot.Id, JsonSerializer.Serialize(SyncRecords.ToRecord(lot), SyncJson.Default.LotRecord), now);
    }
}
