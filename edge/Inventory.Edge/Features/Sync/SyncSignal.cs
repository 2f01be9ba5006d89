using Inventory.Edge.Infrastructure.Hosting;

namespace Inventory.Edge.Features.Sync;

/// <summary>"Something new to push": raised after a ledger commit and after an outbox write.</summary>
public sealed class SyncSignal : WakeSignal;
