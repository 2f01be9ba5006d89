using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LotSettingsAndExpiryAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "expiry_alert_days",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30); // every existing product gets the documented 30-day window

            migrationBuilder.AddColumn<bool>(
                name: "lot_tracked",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "sell_expired",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "shelf_life_days",
                table: "products",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "expiry_alerts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    lot = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    expiry = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    quantity_at_open = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expiry_alerts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_expiry_alerts_status_opened_at",
                table: "expiry_alerts",
                columns: new[] { "status", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_expiry_alerts_once",
                table: "expiry_alerts",
                columns: new[] { "product_id", "location_id", "lot", "kind", "expiry" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expiry_alerts");

            migrationBuilder.DropColumn(
                name: "expiry_alert_days",
                table: "products");

            migrationBuilder.DropColumn(
                name: "lot_tracked",
                table: "products");

            migrationBuilder.DropColumn(
                name: "sell_expired",
                table: "products");

            migrationBuilder.DropColumn(
                name: "shelf_life_days",
                table: "products");
        }
    }
}
