using System.Security.Claims;
using Inventory.Domain.Accounts;

namespace Inventory.Web.Auth;

public static class AuthClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Stamp = "stamp";

    public static Guid? UserIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserId), out var id) ? id : null;

    public static bool Can(this ClaimsPrincipal user, Permission permission) =>
        Roles.TryParse(user.FindFirstValue(Role), out var role) && role.Allows(permission);
}
