using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Testing;

namespace Inventory.Cloud.Tests.Security;

public sealed class BootstrapPasswordTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Without_a_configured_password_the_first_managers_goes_to_a_file_only_the_service_reads_never_to_the_log()
    {
        var cloud = new CloudHost { ConfiguredAdminPassword = false };
        try
        {
            await cloud.InitializeAsync();
            var file = Path.Combine(cloud.SecretsDir, "admin-password");
            var password = (await File.ReadAllTextAsync(file)).Trim();

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cloud.SecretsDir));
            using var admin = await cloud.ClientAsync("admin", password);
            Assert.True((await admin.GetAsync("/api/users")).IsSuccessStatusCode);
            var logs = LogFiles.ReadAll(cloud.LogDir, "*.log");
            Assert.DoesNotContain(password, logs, StringComparison.Ordinal);
            Assert.Contains(file, logs, StringComparison.Ordinal);
        }
        finally
        {
            await cloud.DisposeAsync();
        }
    }
}
