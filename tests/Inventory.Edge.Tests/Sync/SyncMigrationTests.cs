using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Tests.Sync;

/// <summary>A box that ran before replication existed: the Sync migration stamps its catalog and locations and queues them.</summary>
public sealed class SyncMigrationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "inventory-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Migrate_ExistingRows_GetStampsAndOutboxRowsThatReadAsRecords()
    {
        Directory.CreateDirectory(_dir);
        var connectionString = SqliteConnectionStrings.For(Path.Combine(_dir, "inventory.db"));
        await using var db = new EdgeDbContext(new DbContextOptionsBuilder<EdgeDbContext>().UseSqlite(connectionString).Options);
        await db.Database.MigrateAsync("20261129232942_LedgerGuardsAndSearch");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO categories (id, name, parent_id, created_at) VALUES ('01900000-0000-7000-8000-000000000001', 'Tools', NULL, 1700000000000);
            INSERT INTO locations (id, code, name, type, address, is_active, capacity, allow_negative, site_code, version, created_at, updated_at)
                VALUES ('01900000-0000-7000-8000-000000000002', 'MAIN', 'Main', 'warehouse', NULL, 1, 500, 0, 'WH7', 1, 1700000000000, 1700000000500);
            INSERT INTO bins (id, location_id, code, description, is_active, created_at)
                VALUES ('01900000-0000-7000-8000-000000000003', '01900000-0000-7000-8000-000000000002', 'A-1', NULL, 0, 1700000000000);
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price, reorder_point,
                reorder_quantity, max_level, unit, weight, image_url, is_active, version, created_at, updated_at)
                VALUES ('01900000-0000-7000-8000-000000000004', 'HMR-16', 'Hammer', NULL, '01900000-0000-7000-8000-000000000001', NULL,
                '{{"size":"16oz"}}', '2.5', '9.99', 4, NULL, NULL, 'each', NULL, NULL, 1, 3, 1700000000000, 1700000000123);
            INSERT INTO product_barcodes (code, product_id, kind, pack_quantity) VALUES ('5012345678900', '01900000-0000-7000-8000-000000000004', 'unit', 1);
            INSERT INTO product_barcodes (code, product_id, kind, pack_quantity) VALUES ('15012345678907', '01900000-0000-7000-8000-000000000004', 'case', 12);
            """);

        await db.Database.MigrateAsync();

        var rows = await db.Outbox.AsNoTracking().OrderBy(o => o.Seq).ToListAsync();
        Assert.Equal(["category", "location", "bin", "product"], rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Null(r.BaseHlc));
        Assert.Equal(HybridLogicalClock.Format(1700000000123, 0, "WH7"), rows[3].Hlc);
        Assert.Equal(rows[3].Hlc, (await db.Products.AsNoTracking().SingleAsync()).Hlc);

        var product = SyncJson.Read<ProductRecord>(JsonDocument.Parse(rows[3].Data).RootElement);
        Assert.Equal(("HMR-16", 2.5m, 9.99m, 4, true, "{\"size\":\"16oz\"}"),
            (product.Sku, product.CostPrice, product.SellingPrice, product.ReorderPoint, product.IsActive, product.Attributes));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), product.UpdatedAt);
        Assert.Equal([("15012345678907", "case", 12), ("5012345678900", "unit", 1)], product.Barcodes.Select(b => (b.Code, b.Kind, b.PackQuantity)));
        var location = SyncJson.Read<LocationRecord>(JsonDocument.Parse(rows[1].Data).RootElement);
        Assert.Equal(("MAIN", 500, false, "WH7", true), (location.Code, location.Capacity, location.AllowNegative, location.SiteCode, location.IsActive));
        Assert.False(SyncJson.Read<BinRecord>(JsonDocument.Parse(rows[2].Data).RootElement).IsActive);
        Assert.Equal("Tools", SyncJson.Read<CategoryRecord>(JsonDocument.Parse(rows[0].Data).RootElement).Name);
        Assert.Equal(1, await db.SyncStates.CountAsync());
    }
}
