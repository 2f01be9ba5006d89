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

            migrationBuilder.AlterTable(
                name: "stock_levels")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "summaries_at",
                table: "sites",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "summaries_deferred",
                table: "sites",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "summaries_at",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "summaries_deferred",
                table: "sites");

            migrationBuilder.AlterTable(
                name: "stock_levels")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "ix_stock_movements_site_code_site_seq",
                table: "stock_movements",
                columns: new[] { "site_code", "site_seq" });
        }
    }
}
