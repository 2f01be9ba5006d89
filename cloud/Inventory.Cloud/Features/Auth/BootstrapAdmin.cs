using System.Security.Cryptography;
using Inventory.Cloud.Features.Users;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Cloud.Features.Auth;

/// <summary>
/// On an empty database, the manager "admin" (through the feed, so every box gets the account too). Its
/// password is Inventory:Bootstrap:AdminPassword, or random and written to <c>admin-password</c> in
/// Inventory:SecretsDir, readable by the service user only — never to the log.
/// </summary>
public sealed partial class BootstrapAdmin(
    IDbContextFactory<CloudDbContext> contexts, UserStore users, IOptions<CloudOptions> options, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string Username = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var configured = options.Value.Bootstrap.AdminPassword;
        var password = string.IsNullOrEmpty(configured)
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '-').Replace('+', '_')
            : configured;
        // No site list: the first manager signs in at every box.
        await users.CreateAsync(Username, password, Role.Manager, sites: null, cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            var file = Path.Combine(Path.GetFullPath(options.Value.SecretsDir), "admin-password");
            SecretFiles.Replace(file, password + "\n");
            LogGenerated(logger, Username, file);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the first manager '{Username}'; its one-time password is in {File} (readable by the service user only): sign in, change it, delete the file")]
    private static partial void LogGenerated(ILogger logger, string username, string file);
}
