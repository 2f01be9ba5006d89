using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Cloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LevelSummaryCatchUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "summaries_seq",
                table: "sites",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "summaries_seq",
                table: "sites");
        }
    }
}
