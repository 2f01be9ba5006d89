using Inventory.Web.Auth;

namespace Inventory.Edge.Infrastructure.Data.Entities;

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

    /// <summary>Changes on password reset, role change or disable, so tokens issued before stop working.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hybrid-logical-clock stamp of the last edit: the later stamp wins between replicas.</summary>
    public string? Hlc { get; set; }
}
