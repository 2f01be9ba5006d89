namespace Inventory.Domain.Accounts;

/// <summary>What a request may do. Each endpoint, hub method and topic names exactly one.</summary>
public enum Permission
{
    ViewInventory,
    ExportData,
    ViewCostPrices,
    EditCatalog,
    ImportCatalog,
    ManageLocations,
    ManageUsers,
    ManageDevices,
    Receive,
    ReceiveAgainstPurchaseOrder,
    Ship,
    Transfer,
    Count,
    Adjust,
    Return,
    Reserve,
    Scan,
    ManagePurchaseOrders,
    ManageSuppliers,
    ViewSupplierPrices,

    /// <summary>Close a purchase order that will never be completed (managers).</summary>
    ClosePurchaseOrders,
    RunIntegrityCheck,
    ViewDiagnostics,
    PrintLabels,
    ViewReports,
    AcknowledgeAlerts,

    /// <summary>Cloud: add sites, issue and revoke their credentials.</summary>
    ManageSites,

    /// <summary>Take a later-expiring lot while an earlier one is available, with a reason (managers).</summary>
    OverrideFefo,

    /// <summary>Place and release holds on lots (recalls, quality stops; managers).</summary>
    HoldLots,

    /// <summary>Approve a cycle count's lines beyond tolerance, with a reason, or let the counted figure win (managers).</summary>
    ApproveCounts,
}

/// <summary>
/// The role table of docs/contracts/roles.md (blueprint §6, §13) as data. Kept here, not in attributes spread over
/// endpoints, so one test can walk every row.
/// </summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, HashSet<Permission>> Table = new()
    {
        [Role.Manager] = [.. Enum.GetValues<Permission>()],
        [Role.Staff] =
        [
            Permission.ViewInventory, Permission.ExportData, Permission.Receive, Permission.Ship,
            Permission.Transfer, Permission.Count, Permission.Return, Permission.Reserve, Permission.Scan,
            Permission.PrintLabels, Permission.ViewReports, Permission.ReceiveAgainstPurchaseOrder,
            Permission.AcknowledgeAlerts,
        ],
        [Role.Purchasing] =
        [
            Permission.ViewInventory, Permission.ExportData, Permission.ReceiveAgainstPurchaseOrder,
            Permission.ManagePurchaseOrders, Permission.ManageSuppliers, Permission.ViewSupplierPrices,
            Permission.ViewReports,
        ],
        [Role.Viewer] = [Permission.ViewInventory, Permission.ExportData, Permission.ViewReports],
    };

    public static bool Allows(this Role role, Permission permission) => Table[role].Contains(permission);

    public static IEnumerable<Role> RolesWith(Permission permission) =>
        Table.Where(kv => kv.Value.Contains(permission)).Select(kv => kv.Key);
}
