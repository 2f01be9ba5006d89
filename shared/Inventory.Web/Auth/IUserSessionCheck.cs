namespace Inventory.Web.Auth;

/// <summary>
/// Asked on every authenticated request: whether the token's user is still active with the same security
/// stamp and role, so disabling a user or resetting a password ends their tokens at once. Called often: cache.
/// </summary>
public interface IUserSessionCheck
{
    ValueTask<bool> IsCurrentAsync(Guid userId, string? stamp, string? role, CancellationToken cancellationToken);
}
