using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CycleCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "count_plans",
                columns: table => new
                {
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    frequency_a = table.Column<int>(type: "INTEGER", nullable: false),
                    frequency_b = table.Column<int>(type: "INTEGER", nullable: false),
                    frequency_c = table.Column<int>(type: "INTEGER", nullable: false),
                    tolerance_a = table.Column<decimal>(type: "TEXT", nullable: false),
                    tolerance_b = table.Column<decimal>(type: "TEXT", nullable: false),
                    tolerance_c = table.Column<decimal>(type: "TEXT", nullable: false),
                    value_threshold = table.Column<decimal>(type: "TEXT", nullable: true),
                    working_days = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    scheduled_through = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_count_plans", x => x.location_id);
                    table.ForeignKey(
                        name: "FK_count_plans_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cycle_counts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    category_id = table.Column<string>(type: "TEXT", nullable: true),
                    abc_class = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    bins = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    blind = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    hlc = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cycle_counts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "count_plan_rules",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category_id = table.Column<string>(type: "TEXT", nullable: true),
                    bins = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    frequency_days = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_count_plan_rules", x => x.id);
                    table.ForeignKey(
                        name: "FK_count_plan_rules_count_plans_location_id",
                        column: x => x.location_id,
                        principalTable: "count_plans",
                        principalColumn: "location_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cycle_count_lines",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    count_id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    bin = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    lot = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    abc_class = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    expected = table.Column<long>(type: "INTEGER", nullable: false),
                    unit_cost = table.Column<decimal>(type: "TEXT", nullable: true),
                    counted = table.Column<long>(type: "INTEGER", nullable: true),
                    counted_by = table.Column<string>(type: "TEXT", nullable: true),
                    counted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    first_counted = table.Column<long>(type: "INTEGER", nullable: true),
                    first_counted_by = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    within_tolerance = table.Column<bool>(type: "INTEGER", nullable: true),
                    approved_by = table.Column<string>(type: "TEXT", nullable: true),
                    approved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    approval_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    posted_quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    movement_id = table.Column<string>(type: "TEXT", nullable: true),
                    added = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cycle_count_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_cycle_count_lines_cycle_counts_count_id",
                        column: x => x.count_id,
                        principalTable: "cycle_counts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_count_plan_rules_location_id",
                table: "count_plan_rules",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_cycle_count_lines_count_id",
                table: "cycle_count_lines",
                column: "count_id");

            migrationBuilder.CreateIndex(
                name: "IX_cycle_count_lines_status_counted_at",
                table: "cycle_count_lines",
                columns: new[] { "status", "counted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cycle_count_lines_open",
                table: "cycle_count_lines",
                columns: new[] { "location_id", "product_id", "bin", "lot" },
                unique: true,
                filter: "status IN ('pending', 'counted', 'needs_approval')");

            migrationBuilder.CreateIndex(
                name: "IX_cycle_counts_location_id_created_at",
                table: "cycle_counts",
                columns: new[] { "location_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cycle_counts_number",
                table: "cycle_counts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cycle_counts_status_created_at",
                table: "cycle_counts",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "count_plan_rules");

            migrationBuilder.DropTable(
                name: "cycle_count_lines");

            migrationBuilder.DropTable(
                name: "count_plans");

            migrationBuilder.DropTable(
                name: "cycle_counts");
        }
    }
}
