using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Users;

/// <summary>An account edited in the cloud: its row and its feed entry in one transaction, so every box pulls it.</summary>
public sealed class UserWrites(CloudEdits edits)
{
    public Task<string> SaveAsync(UserRecord record, CancellationToken ct) =>
        edits.SaveAsync(ChangeKinds.User, record.Id, SyncJson.ToElement(record), UserTable.WriteAsync, ct);
}
