namespace Inventory.Sync;

/// <summary>
/// The edge ⇄ cloud replication protocol. Stateless: every request carries its cursors, so any cloud
/// instance behind a load balancer can answer it, and a request repeated after a lost answer changes nothing.
/// </summary>
public static class SyncProtocol
{
    /// <summary>The version this build speaks. Raise it only with a change an older peer cannot read.</summary>
    public const int Version = 1;

    /// <summary>The oldest version the cloud still accepts, so boxes not yet upgraded keep syncing.</summary>
    public const int OldestSupported = 1;

    /// <summary>Request header with the sender's protocol version; a missing header means version 1.</summary>
    public const string VersionHeader = "Inventory-Sync-Protocol";

    /// <summary>Authorization scheme of a site: <c>Authorization: Site WH1:&lt;credential&gt;</c>.</summary>
    public const string AuthorizationScheme = "Site";

    public const string PushPath = "/api/sync/push";

    /// <summary>GET with <c>after</c> (cursor), <c>limit</c> and <c>wait</c> (seconds to hold the request open when nothing is new).</summary>
    public const string ChangesPath = "/api/sync/changes";

    /// <summary>Most movements one push may carry; the cloud refuses more (request size limit).</summary>
    public const int MaxMovementsPerPush = 10_000;

    /// <summary>Most master-data changes one push may carry.</summary>
    public const int MaxChangesPerPush = 2_000;

    public const int MaxChangesPerPull = 5_000;

    /// <summary>Longest a pull may wait for news, below common proxy idle timeouts.</summary>
    public const int MaxPullWaitSeconds = 30;

    /// <summary>Largest push body accepted, compressed or not (a full batch is ~4 MB of JSON, ~0.6 MB gzipped).</summary>
    public const long MaxPushBytes = 32L * 1024 * 1024;

    public static string AuthorizationValue(string siteCode, string credential) => $"{siteCode}:{credential}";
}
