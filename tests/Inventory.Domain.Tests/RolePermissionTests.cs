using Inventory.Domain.Accounts;

namespace Inventory.Domain.Tests;

public sealed class RolePermissionTests
{
    [Fact]
    public void Manager_HasEveryPermission() =>
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(Role.Manager.Allows(p)));

    [Theory]
    [InlineData(Role.Staff, Permission.Receive, true)]
    [InlineData(Role.Staff, Permission.Ship, true)]
    [InlineData(Role.Staff, Permission.Transfer, true)]
    [InlineData(Role.Staff, Permission.Count, true)]
    [InlineData(Role.Staff, Permission.Scan, true)]
    [InlineData(Role.Staff, Permission.Adjust, false)]
    [InlineData(Role.Staff, Permission.EditCatalog, false)]
    [InlineData(Role.Staff, Permission.ViewCostPrices, false)]
    [InlineData(Role.Purchasing, Permission.Adjust, false)]
    [InlineData(Role.Purchasing, Permission.ManagePurchaseOrders, true)]
    [InlineData(Role.Purchasing, Permission.ViewSupplierPrices, true)]
    [InlineData(Role.Purchasing, Permission.ViewCostPrices, false)]
    [InlineData(Role.Viewer, Permission.ViewInventory, true)]
    [InlineData(Role.Viewer, Permission.ExportData, true)]
    [InlineData(Role.Viewer, Permission.Receive, false)]
    [InlineData(Role.Viewer, Permission.ViewCostPrices, false)]
    [InlineData(Role.Staff, Permission.OverrideFefo, false)]
    [InlineData(Role.Staff, Permission.HoldLots, false)]
    [InlineData(Role.Purchasing, Permission.HoldLots, false)]
    public void Allows_FollowsTheRoleTable(Role role, Permission permission, bool expected) =>
        Assert.Equal(expected, role.Allows(permission));

    [Theory]
    [InlineData("manager", Role.Manager)]
    [InlineData("Staff", Role.Staff)]
    [InlineData("purchasing", Role.Purchasing)]
    [InlineData("viewer", Role.Viewer)]
    public void TryParse_KnownNames(string name, Role expected)
    {
        Assert.True(Roles.TryParse(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownNames_False(string? name) => Assert.False(Roles.TryParse(name, out _));
}
