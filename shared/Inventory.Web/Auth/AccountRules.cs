using System.Text.RegularExpressions;
using Inventory.Domain.Accounts;
using Inventory.Web.Http;

namespace Inventory.Web.Auth;

/// <summary>What a new account must be, the same at every box and in the cloud (accounts replicate between them).</summary>
public static partial class AccountRules
{
    public const string RoleMessage = "'role' is one of manager, staff, purchasing, viewer.";

    public static Validation ValidateNew(string? username, string? password, string? role, out Role parsed)
    {
        var roleKnown = Roles.TryParse(role, out parsed);
        var validation = new Validation()
            .RequireText(username, "username", 64)
            .Require(username is null || UsernamePattern().IsMatch(username.Trim()), "username", "A username has letters, digits and . _ @ - only.")
            .Require(roleKnown, "role", RoleMessage);
        if (PasswordHasher.CheckStrength(password) is { } weak)
        {
            validation.Add("password", weak);
        }

        return validation;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UsernamePattern();
}
