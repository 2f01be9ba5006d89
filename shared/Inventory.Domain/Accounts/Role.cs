namespace Inventory.Domain.Accounts;

public enum Role
{
    Manager,
    Staff,
    Purchasing,
    Viewer,
}

public static class Roles
{
    public const string Manager = "manager";
    public const string Staff = "staff";
    public const string Purchasing = "purchasing";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Manager, Staff, Purchasing, Viewer];

    public static bool TryParse(string? value, out Role role)
    {
        role = default;
        var index = WireNames.IndexOf(All, value);
        if (index < 0)
        {
            return false;
        }

        role = (Role)index;
        return true;
    }

    public static string ToWireName(this Role role) => All[(int)role];
}
