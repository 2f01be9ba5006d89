using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CycleCountLineLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cycle_count_lines_count_id",
                table: "cycle_count_lines");

            migrationBuilder.CreateIndex(
                name: "IX_cycle_count_lines_count_id_product_id_bin",
                table: "cycle_count_lines",
                columns: new[] { "count_id", "product_id", "bin" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cycle_count_lines_count_id_product_id_bin",
                table: "cycle_count_lines");

            migrationBuilder.CreateIndex(
                name: "IX_cycle_count_lines_count_id",
                table: "cycle_count_lines",
                column: "count_id");
        }
    }
}
