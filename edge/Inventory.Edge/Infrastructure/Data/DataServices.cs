using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inventory.Edge.Infrastructure.Data;

public static class DataServices
{
    public static IServiceCollection AddEdgeData(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDir = EdgeOptions.DataDirFrom(configuration);
        var connectionString = SqliteConnectionStrings.For(Path.Combine(dataDir, "inventory.db"));
        services.AddSingleton(new EdgeDatabase(dataDir, connectionString));
        services.AddSingleton<SqlitePragmaInterceptor>();
        // Features add their own interceptors as IEdgeDbInterceptor singletons (the sync outbox does).
        services.AddDbContextPool<EdgeDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors([sp.GetRequiredService<SqlitePragmaInterceptor>(), .. sp.GetServices<IEdgeDbInterceptor>()]));
        services.AddDbContextFactory<EdgeDbContext>(
            (sp, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors([sp.GetRequiredService<SqlitePragmaInterceptor>(), .. sp.GetServices<IEdgeDbInterceptor>()]),
            ServiceLifetime.Singleton);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}

public static class SqliteConnectionStrings
{
    public static string For(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // Private cache: shared cache serialises every connection on one lock and defeats WAL's readers.
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}

/// <summary>Where the database lives, and plain connections for the hot path and the integrity check.</summary>
public sealed class EdgeDatabase(string dataDir, string connectionString)
{
    public string DataDir { get; } = dataDir;
    public string ConnectionString { get; } = connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        SqlitePragmaInterceptor.Apply(connection);
        return connection;
    }
}
