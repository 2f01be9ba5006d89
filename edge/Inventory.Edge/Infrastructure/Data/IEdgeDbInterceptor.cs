using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inventory.Edge.Infrastructure.Data;

/// <summary>
/// An EF interceptor that a feature adds to every <see cref="EdgeDbContext"/> (the sync outbox does). A type of
/// its own rather than plain IInterceptor: EF also collects IInterceptor services from the application's
/// container, and one registered that way would run twice.
/// </summary>
public interface IEdgeDbInterceptor : IInterceptor;
