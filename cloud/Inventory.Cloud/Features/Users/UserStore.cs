using Inventory.Cloud.Features.Auth;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Users;

/// <summary>
/// Accounts are the cloud's: every change goes through the feed with the password hash, so a person made
/// here signs in at any box, also while that box is offline afterwards. A new security stamp on each change
/// ends the old tokens here and at every box that has pulled the change.
/// </summary>
public sealed class UserStore(IDbContextFactory<CloudDbContext> contexts, UserWrites writes, IServiceProvider services)
{
    public async Task<UserRecord> CreateAsync(string username, string password, Role role, CancellationToken ct)
    {
        var record = new UserRecord(Guid.CreateVersion7(), username, PasswordHasher.Hash(password), role.ToWireName(), true,
            PasswordHasher.NewSecurityStamp());
        await writes.SaveAsync(record, ct);
        return record;
    }

    public async Task<UserRecord?> ChangeAsync(Guid id, Func<UserRecord, UserRecord> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        var current = new UserRecord(user.Id, user.Username, user.PasswordHash, user.Role, user.IsActive, user.SecurityStamp);
        var changed = change(current) with { SecurityStamp = PasswordHasher.NewSecurityStamp() };
        await writes.SaveAsync(changed, ct);
        services.GetRequiredService<CloudUserSessions>().Forget(id);
        return changed;
    }
}
