using System.Security.Cryptography;
using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Auth;

/// <summary>
/// On an empty database, creates the manager "admin" so a new box can be signed in to. The password
/// comes from Inventory:Bootstrap:AdminPassword, or is random and written once to the log, the only
/// place an installer can read it on a headless box.
/// </summary>
public sealed partial class BootstrapAdmin(
    IDbContextFactory<EdgeDbContext> contexts, IOptions<EdgeOptions> options, TimeProvider time,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string Username = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var configured = options.Value.Bootstrap.AdminPassword;
        var password = string.IsNullOrEmpty(configured)
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '-').Replace('+', '_')
            : configured;
        var now = time.GetUtcNow();
        db.Users.Add(new User
        {
            Id = Guid.CreateVersion7(),
            Username = Username,
            PasswordHash = PasswordHasher.Hash(password),
            Role = Roles.Manager,
            SecurityStamp = PasswordHasher.NewSecurityStamp(),
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            LogGenerated(logger, Username, password);
        }
        else
        {
            LogConfigured(logger, Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first manager '{Username}' with the one-time password {Password}; sign in and change it")]
    private static partial void LogGenerated(ILogger logger, string username, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first manager '{Username}' with the configured bootstrap password")]
    private static partial void LogConfigured(ILogger logger, string username);
}
