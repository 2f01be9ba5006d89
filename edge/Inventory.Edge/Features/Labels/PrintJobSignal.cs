using Inventory.Edge.Infrastructure.Hosting;

namespace Inventory.Edge.Features.Labels;

/// <summary>Wakes the dispatcher when a job is queued, so a label prints now rather than at the next poll.</summary>
public sealed class PrintJobSignal : WakeSignal;
