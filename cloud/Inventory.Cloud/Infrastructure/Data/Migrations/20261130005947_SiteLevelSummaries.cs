using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Cloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteLevelSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stock_movements_site_code_site_seq",
                table: "stock_movements");

            migrationBuilder.DropIndex(
                name: "ix_stock_levels_site_code",
                table: "stock_levels");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "summaries_at",
                table: "sites",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_site_code_updated_at",
                table: "stock_levels",
                columns: new[] { "site_code", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stock_levels_site_code_updated_at",
                table: "stock_levels");

            migrationBuilder.DropColumn(
                name: "summaries_at",
                table: "sites");

            migrationBuilder.CreateIndex(
                name: "ix_stock_movements_site_code_site_seq",
                table: "stock_movements",
                columns: new[] { "site_code", "site_seq" });

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_site_code",
                table: "stock_levels",
                column: "site_code");
        }
    }
}
