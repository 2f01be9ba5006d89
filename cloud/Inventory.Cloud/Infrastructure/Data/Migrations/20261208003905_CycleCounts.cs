using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Cloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CycleCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cycle_counts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    location_id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    abc_class = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    bins = table.Column<string[]>(type: "text[]", nullable: false),
                    blind = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hlc = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_counts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cycle_count_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    count_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    lot = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    abc_class = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    expected = table.Column<long>(type: "bigint", nullable: false),
                    unit_cost = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    counted = table.Column<long>(type: "bigint", nullable: true),
                    counted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    counted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_counted = table.Column<long>(type: "bigint", nullable: true),
                    first_counted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    within_tolerance = table.Column<bool>(type: "boolean", nullable: true),
                    approved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    approval_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    posted_quantity = table.Column<long>(type: "bigint", nullable: true),
                    added = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_count_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_cycle_count_lines_cycle_counts_count_id",
                        column: x => x.count_id,
                        principalTable: "cycle_counts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cycle_count_lines_count_id",
                table: "cycle_count_lines",
                column: "count_id");

            migrationBuilder.CreateIndex(
                name: "ix_cycle_count_lines_status_counted_at",
                table: "cycle_count_lines",
                columns: new[] { "status", "counted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cycle_counts_number",
                table: "cycle_counts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cycle_counts_site_code_created_at",
                table: "cycle_counts",
                columns: new[] { "site_code", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cycle_count_lines");

            migrationBuilder.DropTable(
                name: "cycle_counts");
        }
    }
}
