using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Cloud.Infrastructure.Data.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    expiry = table.Column<DateOnly>(type: "date", nullable: true),
                    best_before = table.Column<DateOnly>(type: "date", nullable: true),
                    manufactured_on = table.Column<DateOnly>(type: "date", nullable: true),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    purchase_order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    hold_reason = table.Column<string>(type: "text", nullable: true),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    held_by = table.Column<Guid>(type: "uuid", nullable: true),
                    hlc = table.Column<string>(type: "text", nullable: false),
                    edited_at = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lots", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lots_product_id_code",
                table: "lots",
                columns: new[] { "product_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lots_status",
                table: "lots",
                column: "status",
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
