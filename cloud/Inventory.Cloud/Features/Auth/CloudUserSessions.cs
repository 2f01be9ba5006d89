using System.Collections.Concurrent;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Auth;

/// <summary>
/// Whether a token's user is still active with the same stamp and role. Cached briefly: several cloud
/// instances may serve one user, so a change made on another instance takes effect here within <see cref="Ttl"/>.
/// </summary>
public sealed class CloudUserSessions(IDbContextFactory<CloudDbContext> contexts, TimeProvider time, IServiceProvider services) : IUserSessionCheck
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, (bool Active, string Stamp, string Role, DateTimeOffset Until)> _cache = new();

    public async ValueTask<bool> IsCurrentAsync(Guid userId, string? stamp, string? role, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(userId, out var state) || state.Until < now)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.IsActive, u.SecurityStamp, u.Role }).FirstOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                return false;
            }

            state = (user.IsActive, user.SecurityStamp, user.Role, now + Ttl);
            _cache[userId] = state;
        }

        return state.Active && state.Stamp == stamp && state.Role == role;
    }

    /// <summary>
    /// The user changed on this instance: read them again, and close their live connections here. Another instance
    /// learns within <see cref="Ttl"/>, at the connection's next hub call.
    /// </summary>
    public void Forget(Guid userId)
    {
        _cache.TryRemove(userId, out _);
        // Resolved late: the hub filter itself asks this class whether a session is current.
        services.GetRequiredService<HubSessions>().End(userId);
    }
}
