using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Inventory.Cloud.Infrastructure.Data;

public static class DataServices
{
    public static IServiceCollection AddCloudData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Inventory");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Inventory is not set: the cloud needs a PostgreSQL connection string (env ConnectionStrings__Inventory).");
        }

        // One data source for EF and for the hand-written COPY path, so both share the pool.
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        services.AddDbContextFactory<CloudDbContext>(o => o
            .UseNpgsql(dataSource)
            .UseSnakeCaseNamingConvention());
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}

/// <summary>Applies migrations at start, before the server takes requests (hosted services start first).</summary>
internal sealed class DatabaseMigrator(IDbContextFactory<CloudDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Made first, so a new database does not log EF's failed look at a history table that is not there yet.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
