using System.Diagnostics;
using Npgsql;

namespace Inventory.Testing;

/// <summary>
/// A real PostgreSQL server for tests and benchmarks. With INVENTORY_TEST_POSTGRES set (a connection string
/// to a server where the user may create databases) that server is used; otherwise one is made with the
/// installed PostgreSQL's initdb and pg_ctl in a temp dir on a free port, run as the <c>postgres</c> user when
/// the tests run as root (initdb refuses root), and stopped when the test process ends. Each caller gets
/// a database of its own.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "INVENTORY_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string? _dataDir;
    private readonly string? _binDir;

    private PostgresServer(string adminConnectionString, string? dataDir, string? binDir)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _binDir = binDir;
    }

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Runs one SQL statement on the admin database (for tests that cut connections).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new PostgresServer(fromEnvironment, null, null);
        }

        var binDir = FindBinDir();
        RemoveAbandonedDataDirs();
        var dataDir = Path.Combine(Path.GetTempPath(), $"{DataDirPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", dataDir], asPostgres: false);
        }

        await RunAsync(Path.Combine(binDir, "initdb"),
            ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        var port = FreePort();
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {dataDir} -c max_connections=300 -c shared_buffers=256MB";
        await RunAsync(Path.Combine(binDir, "pg_ctl"),
            ["-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100",
            dataDir, binDir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private const string DataDirPrefix = "inventory-pg-";

    /// <summary>
    /// Servers of test runs that were killed (a cancelled run never reaches ProcessExit) leave their data dirs
    /// behind; one whose postmaster is gone is removed, so temp does not fill up run after run.
    /// </summary>
    private static void RemoveAbandonedDataDirs()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DataDirPrefix + "*"))
        {
            var pidFile = Path.Combine(dir, "postmaster.pid");
            try
            {
                // A young one may be another run's, still in initdb (no pid file yet).
                if (Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-10)
                    || File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && IsRunning(pid))
                {
                    continue;
                }

                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // In use or half gone: left for the next run or the OS temp cleaner.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's: not ours to remove.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Stop(bool asRoot)
    {
        if (_dataDir is null || _binDir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "-w", "stop"], asRoot)
            .GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static string FindBinDir()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"PostgreSQL is not installed (no initdb under {root}). Install the postgresql package, or set {EnvironmentVariable} to a connection string.");
    }

    // pg_ctl binds it in another process a moment later: a reserved port, not one the OS may hand out again.
    private static int FreePort() => FreePorts.Take();

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
