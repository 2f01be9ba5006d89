using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations;

/// <summary>Name-prefix search ("ha…") walks this index instead of the whole table.</summary>
public partial class ProductNameSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_products_name_nocase ON products (name COLLATE NOCASE);");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IF EXISTS ix_products_name_nocase;");
}
