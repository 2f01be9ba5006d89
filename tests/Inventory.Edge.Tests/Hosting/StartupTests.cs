using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Auth;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Tests.Hosting;

public sealed class StartupTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Connections_HaveWalFullSyncBusyTimeoutAndForeignKeys()
    {
        var database = edge.Services.GetRequiredService<EdgeDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("10000", await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
    }

    [Fact]
    public async Task EfConnections_HaveTheSamePragmas()
    {
        using var scope = edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void DataDir_HoldsDatabaseLogsAndSigningKey()
    {
        Assert.True(File.Exists(Path.Combine(edge.DataDir, "inventory.db")));
        Assert.True(File.Exists(Path.Combine(edge.DataDir, "secrets", "token-signing.key")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(edge.DataDir, "logs")));
        var mode = File.GetUnixFileMode(Path.Combine(edge.DataDir, "secrets", "token-signing.key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void Logs_NeverHoldTheBootstrapPassword()
    {
        var logs = LogFiles.ReadAll(Path.Combine(edge.DataDir, "logs"));

        Assert.DoesNotContain(EdgeHost.AdminPassword, logs, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Without_a_configured_password_the_first_managers_goes_to_a_file_only_the_service_reads_never_to_the_log()
    {
        var box = new EdgeHost { ConfiguredAdminPassword = false };
        try
        {
            await box.InitializeAsync();
            var file = BootstrapAdmin.PasswordFile(box.DataDir);
            var password = (await File.ReadAllTextAsync(file)).Trim();
            var bootstrap = box.Services.GetServices<IHostedService>().OfType<BootstrapAdmin>().Single();

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
            using var admin = await box.ClientAsync("admin", password);
            var logs = LogFiles.ReadAll(Path.Combine(box.DataDir, "logs"));
            Assert.DoesNotContain(password, logs, StringComparison.Ordinal);
            Assert.Contains(file, logs, StringComparison.Ordinal);

            // The next start keeps the file while the password is still the one in it, and removes it once changed.
            await bootstrap.StartAsync(CancellationToken.None);
            Assert.True(File.Exists(file));
            var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
            var id = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == "admin").GetProperty("id").GetGuid();
            (await admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "changed-password-3" })).EnsureSuccessStatusCode();
            await bootstrap.StartAsync(CancellationToken.None);
            Assert.False(File.Exists(file));
        }
        finally
        {
            await box.DisposeAsync();
        }
    }

    [Fact]
    public async Task BadSiteCode_FailsAtStart()
    {
        var bad = new EdgeHost { SiteCode = "NOT A CODE!" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(bad.InitializeAsync);

        Assert.Contains("Site:Code", error.Message, StringComparison.Ordinal);
        await bad.DisposeAsync();
    }

    private static async Task<string?> PragmaAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
