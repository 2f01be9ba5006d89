using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inventory.Web.Auth;

/// <summary>
/// Keeps each browser session's ticket on the server; the cookie holds only a random key. Signing out removes the
/// ticket, so a copy of the cookie saved before the sign-out opens nothing afterwards (a self-contained cookie
/// would stay valid until it expires). Held in memory: a restart of the service signs browsers out (bearer
/// tokens are not affected). Expired tickets are dropped as they are met and by a sweep on every new sign-in.
/// </summary>
public sealed class SessionTicketStore(TimeProvider time) : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        Sweep();
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // A sliding renewal of a session that was signed out meanwhile must not bring it back.
        if (_tickets.ContainsKey(key))
        {
            _tickets[key] = ticket;
        }

        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (_tickets.TryGetValue(key, out var ticket) && Expired(ticket))
        {
            _tickets.TryRemove(key, out _);
            ticket = null;
        }

        return Task.FromResult(ticket);
    }

    public Task RemoveAsync(string key)
    {
        _tickets.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Expired(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } expires && expires <= time.GetUtcNow();

    private void Sweep()
    {
        foreach (var (key, ticket) in _tickets)
        {
            if (Expired(ticket))
            {
                _tickets.TryRemove(key, out _);
            }
        }
    }
}
