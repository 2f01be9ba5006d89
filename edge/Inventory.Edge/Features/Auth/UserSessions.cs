using System.Collections.Concurrent;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Auth;

/// <summary>
/// Whether a token's user is still active with the same security stamp. Cached per user, because every
/// request asks; user changes call <see cref="Forget"/>, and the edge is the only writer of its users table.
/// </summary>
public sealed class UserSessions(IDbContextFactory<EdgeDbContext> contexts, IServiceProvider services) : IUserSessionCheck
{
    private readonly ConcurrentDictionary<Guid, (bool Active, string Stamp, string Role)> _cache = new();

    public async ValueTask<bool> IsCurrentAsync(Guid userId, string? stamp, string? role, CancellationToken cancellationToken)
    {
        if (!_cache.TryGetValue(userId, out var state))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var user = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.IsActive, u.SecurityStamp, u.Role })
                .FirstOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                return false;
            }

            state = (user.IsActive, user.SecurityStamp, user.Role);
            _cache[userId] = state;
        }

        return state.Active && state.Stamp == stamp && state.Role == role;
    }

    /// <summary>The user changed: read them again at their next request, and close their live connections now.</summary>
    public void Forget(Guid userId)
    {
        _cache.TryRemove(userId, out _);
        // Resolved late: the hub filter itself asks this class whether a session is current.
        services.GetRequiredService<HubSessions>().End(userId);
    }
}
