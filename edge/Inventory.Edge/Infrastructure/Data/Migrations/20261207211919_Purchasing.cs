using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Purchasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "attachment",
                table: "mail_outbox",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_name",
                table: "mail_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_type",
                table: "mail_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "purchase_order_id",
                table: "mail_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "document_counters",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    next = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_counters", x => x.kind);
                });

            migrationBuilder.CreateTable(
                name: "purchase_orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    supplier_id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    site_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    expected_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    cancelled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    close_reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    mail_queued_at = table.Column<long>(type: "INTEGER", nullable: true),
                    hlc = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchase_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false, collation: "NOCASE"),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    lead_time_days = table.Column<int>(type: "INTEGER", nullable: false),
                    payment_terms = table.Column<string>(type: "TEXT", nullable: true),
                    over_receipt_tolerance_percent = table.Column<decimal>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    hlc = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "purchase_order_lines",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    purchase_order_id = table.Column<string>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", nullable: false),
                    supplier_sku = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchase_order_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_purchase_order_lines_purchase_orders_purchase_order_id",
                        column: x => x.purchase_order_id,
                        principalTable: "purchase_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supplier_products",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    supplier_id = table.Column<string>(type: "TEXT", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    supplier_sku = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    unit_price = table.Column<decimal>(type: "TEXT", nullable: false),
                    min_order_quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    order_multiple = table.Column<decimal>(type: "TEXT", nullable: false),
                    lead_time_days = table.Column<int>(type: "INTEGER", nullable: true),
                    preferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    price_breaks = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    hlc = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_products", x => x.id);
                    table.ForeignKey(
                        name: "FK_supplier_products_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_supplier_products_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_reference_type_reference_id",
                table: "stock_movements",
                columns: new[] { "reference_type", "reference_id" });

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_purchase_order_id",
                table: "mail_outbox",
                column: "purchase_order_id",
                unique: true,
                filter: "purchase_order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_purchase_order_lines_product_id",
                table: "purchase_order_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_purchase_order_lines_purchase_order_id_line_number",
                table: "purchase_order_lines",
                columns: new[] { "purchase_order_id", "line_number" });

            migrationBuilder.CreateIndex(
                name: "IX_purchase_orders_location_id_created_at",
                table: "purchase_orders",
                columns: new[] { "location_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_purchase_orders_number",
                table: "purchase_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_purchase_orders_supplier_id_created_at",
                table: "purchase_orders",
                columns: new[] { "supplier_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_supplier_products_supplier_id_product_id",
                table: "supplier_products",
                columns: new[] { "supplier_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supplier_products_preferred",
                table: "supplier_products",
                column: "product_id",
                unique: true,
                filter: "preferred = 1");

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_code",
                table: "suppliers",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_counters");

            migrationBuilder.DropTable(
                name: "purchase_order_lines");

            migrationBuilder.DropTable(
                name: "supplier_products");

            migrationBuilder.DropTable(
                name: "purchase_orders");

            migrationBuilder.DropTable(
                name: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_stock_movements_reference_type_reference_id",
                table: "stock_movements");

            migrationBuilder.DropIndex(
                name: "IX_mail_outbox_purchase_order_id",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "attachment",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "attachment_name",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "attachment_type",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "purchase_order_id",
                table: "mail_outbox");
        }
    }
}
