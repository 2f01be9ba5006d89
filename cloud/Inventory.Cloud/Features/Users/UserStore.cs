using Inventory.Cloud.Features.Auth;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Users;

/// <summary>
/// Accounts are the cloud's: every change goes through the feed with the password hash, so a person made
/// here signs in at any box of their sites (every box without a list), also while that box is offline afterwards;
/// <see cref="UserFeedFilter"/> keeps the hash from the other sites. A new security stamp on each change
/// ends the old tokens here and at every box that has pulled the change.
/// </summary>
public sealed class UserStore(IDbContextFactory<CloudDbContext> contexts, UserWrites writes, IServiceProvider services)
{
    /// <param name="sites">The sites whose boxes may sign the account in; null or empty for every site.</param>
    public async Task<UserRecord> CreateAsync(string username, string password, Role role, IReadOnlyList<string>? sites, CancellationToken ct)
    {
        var record = new UserRecord(Guid.CreateVersion7(), username, PasswordHasher.Hash(password), role.ToWireName(), true,
            PasswordHasher.NewSecurityStamp(), UserSites.Stored(sites));
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

        var current = new UserRecord(user.Id, user.Username, user.PasswordHash, user.Role, user.IsActive, user.SecurityStamp, user.Sites);
        var next = change(current);
        var changed = next with { SecurityStamp = PasswordHasher.NewSecurityStamp(), Sites = UserSites.Stored(next.Sites) };
        await writes.SaveAsync(changed, ct);
        services.GetRequiredService<CloudUserSessions>().Forget(id);
        return changed;
    }
}
