using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_locations_code",
                table: "locations");

            migrationBuilder.AddColumn<string>(
                name: "hlc",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hlc",
                table: "products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hlc",
                table: "locations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hlc",
                table: "categories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hlc",
                table: "bins",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "remote_levels",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    site_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    reserved = table.Column<long>(type: "INTEGER", nullable: false),
                    as_of = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_levels", x => new { x.product_id, x.location_id });
                });

            migrationBuilder.CreateTable(
                name: "sync_outbox",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", nullable: false),
                    hlc = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    base_hlc = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_outbox", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "sync_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    movements_pushed_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    outbox_pushed_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    pull_cursor = table.Column<long>(type: "INTEGER", nullable: false),
                    last_push_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_pull_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    last_error_at = table.Column<long>(type: "INTEGER", nullable: true),
                    quarantined_count = table.Column<long>(type: "INTEGER", nullable: false),
                    quarantined_ids = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_state", x => x.id);
                    table.CheckConstraint("ck_sync_state_single", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    from_location_id = table.Column<string>(type: "TEXT", nullable: false),
                    to_location_id = table.Column<string>(type: "TEXT", nullable: false),
                    from_site = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    to_site = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    quantity_shipped = table.Column<long>(type: "INTEGER", nullable: false),
                    quantity_received = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ship_movement_id = table.Column<string>(type: "TEXT", nullable: false),
                    receive_movement_id = table.Column<string>(type: "TEXT", nullable: true),
                    lot = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    shipped_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: true),
                    hlc = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfers", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "sync_state",
                columns: new[] { "id", "last_error", "last_error_at", "last_pull_at", "last_push_at", "movements_pushed_seq", "outbox_pushed_seq", "pull_cursor", "quarantined_count", "quarantined_ids" },
                values: new object[] { 1, null, null, null, null, 0L, 0L, 0L, 0L, null });

            migrationBuilder.CreateIndex(
                name: "IX_locations_site_code_code",
                table: "locations",
                columns: new[] { "site_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfers_status_shipped_at",
                table: "transfers",
                columns: new[] { "status", "shipped_at" });

            Backfill(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "remote_levels");

            migrationBuilder.DropTable(
                name: "sync_outbox");

            migrationBuilder.DropTable(
                name: "sync_state");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropIndex(
                name: "IX_locations_site_code_code",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "hlc",
                table: "users");

            migrationBuilder.DropColumn(
                name: "hlc",
                table: "products");

            migrationBuilder.DropColumn(
                name: "hlc",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "hlc",
                table: "categories");

            migrationBuilder.DropColumn(
                name: "hlc",
                table: "bins");

            migrationBuilder.CreateIndex(
                name: "IX_locations_code",
                table: "locations",
                column: "code",
                unique: true);
        }
    }
}
