using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lots",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    expiry = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    best_before = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    manufactured_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    supplier_id = table.Column<string>(type: "TEXT", nullable: true),
                    purchase_order_id = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    hold_reason = table.Column<string>(type: "TEXT", nullable: true),
                    held_at = table.Column<long>(type: "INTEGER", nullable: true),
                    held_by = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    hlc = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lots", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lots_expiry",
                table: "lots",
                column: "expiry");

            migrationBuilder.CreateIndex(
                name: "IX_lots_product_id_code",
                table: "lots",
                columns: new[] { "product_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lots_held",
                table: "lots",
                column: "product_id",
                filter: "status = 'hold'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lots");
        }
    }
}
