using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Cloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductLotSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "expiry_alert_days",
                table: "products",
                type: "integer",
                nullable: false,
                defaultValue: 30); // every existing product gets the documented 30-day window

            migrationBuilder.AddColumn<bool>(
                name: "lot_tracked",
                table: "products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "sell_expired",
                table: "products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "shelf_life_days",
                table: "products",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
