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
/// comes from Inventory:Bootstrap:AdminPassword, or is random and written to <c>secrets/admin-password</c>
/// in the data dir, readable by the service user only (never to the log, which is kept for weeks and may
/// be shipped elsewhere). Once admin's password has been changed the file is removed at the next start.
/// </summary>
public sealed partial class BootstrapAdmin(
    IDbContextFactory<EdgeDbContext> contexts, IOptions<EdgeOptions> options, EdgeOptionsPaths paths, TimeProvider time,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string Username = "admin";

    public static string PasswordFile(string dataDir) => Path.Combine(dataDir, "secrets", "admin-password");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            await RemoveSpentPasswordFileAsync(db, cancellationToken);
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
            var file = PasswordFile(paths.DataDir);
            SecretFiles.Replace(file, password + "\n");
            LogGenerated(logger, Username, file);
        }
        else
        {
            LogConfigured(logger, Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RemoveSpentPasswordFileAsync(EdgeDbContext db, CancellationToken cancellationToken)
    {
        var file = PasswordFile(paths.DataDir);
        if (!File.Exists(file))
        {
            return;
        }

        var written = (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        var admin = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == Username, cancellationToken);
        if (admin is null || !PasswordHasher.Verify(written, admin.PasswordHash))
        {
            File.Delete(file);
            LogRemoved(logger, file);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the first manager '{Username}'; its one-time password is in {File} (readable by the service user only): sign in and change it")]
    private static partial void LogGenerated(ILogger logger, string username, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {File}: the first manager's password has been changed")]
    private static partial void LogRemoved(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first manager '{Username}' with the configured bootstrap password")]
    private static partial void LogConfigured(ILogger logger, string username);
}
