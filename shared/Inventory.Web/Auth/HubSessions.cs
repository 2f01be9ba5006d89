using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Inventory.Web.Auth;

/// <summary>
/// Ends a user's live connections when their session ends. A SignalR connection is authenticated once, when it
/// opens; without this a disabled user's open dashboard would go on receiving level changes and answering hub
/// calls. Every hub method call is checked like a request (<see cref="IUserSessionCheck"/>), and the host calls
/// <see cref="End"/> when it disables a user or changes their stamp or role, which aborts their connections at once.
/// </summary>
public sealed class HubSessions(IUserSessionCheck sessions) : IHubFilter
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _open = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User?.UserIdOf() is { } userId)
        {
            _open.GetOrAdd(userId, _ => new(StringComparer.Ordinal))[context.Context.ConnectionId] = context.Context;
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.User?.UserIdOf() is { } userId && _open.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(context.Context.ConnectionId, out _);
        }

        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocationContext.Context;
        var principal = caller.User;
        if (principal?.UserIdOf() is not { } userId
            || !await sessions.IsCurrentAsync(userId, principal.FindFirst(AuthClaims.Stamp)?.Value,
                principal.FindFirst(AuthClaims.Role)?.Value, caller.ConnectionAborted))
        {
            caller.Abort();
            throw new HubException("Your session has ended; sign in again.");
        }

        return await next(invocationContext);
    }

    /// <summary>Closes every open connection of the user (disabled, password reset, role changed).</summary>
    public void End(Guid userId)
    {
        if (_open.TryRemove(userId, out var connections))
        {
            foreach (var connection in connections.Values)
            {
                connection.Abort();
            }
        }
    }
}
