using Inventory.Web.Auth;

namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>
/// An account of the company; replicated with its password hash to the boxes of its <see cref="Sites"/> (every box
/// when there is no list), so people sign in there offline.
/// </summary>
public sealed class User : ISignInAccount
{
    public Guid Id { get; set; }
    public required string Username { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    public bool IsActive { get; set; } = true;
    // Written by releases before the SignInThrottle; no longer read or written, kept so an upgrade needs no migration.
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public required string SecurityStamp { get; set; }

    /// <summary>The sites whose boxes get the password hash and may sign the account in; null means every site.</summary>
    public string[]? Sites { get; set; }
    public required string Hlc { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
