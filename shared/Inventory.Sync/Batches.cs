namespace Inventory.Sync;

/// <summary>
/// What an edge sends: its movements after <see cref="MovementsAfter"/> up to <see cref="MovementsUpTo"/>
/// (its local commit sequence, gap-free in commit order) and its outbox rows after <see cref="ChangesAfter"/>
/// up to <see cref="ChangesUpTo"/>. The cloud applies all of it in one transaction or none.
/// </summary>
public sealed record PushBatch(
    string SiteCode,
    long MovementsAfter,
    long MovementsUpTo,
    long ChangesAfter,
    long ChangesUpTo,
    IReadOnlyList<MovementRecord> Movements,
    IReadOnlyList<ChangeRecord> Changes,
    long PendingAfterThis,
    DateTimeOffset SentAt);

/// <summary>The cloud's answer: the cursors it now holds for the site, and what it did.</summary>
public sealed record PushAck(
    long MovementsUpTo,
    long ChangesUpTo,
    int MovementsApplied,
    int MovementsAlreadyKnown,
    IReadOnlyList<Guid> Quarantined,
    int Conflicts);

/// <summary>A page of the cloud's feed for one site; pull again from <see cref="Next"/>.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeRecord> Changes, long Next, bool More);
