using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReorderAlertsAndMailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "location_alert_recipients",
                columns: table => new
                {
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    recipients = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location_alert_recipients", x => x.location_id);
                    table.ForeignKey(
                        name: "FK_location_alert_recipients_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    alert_id = table.Column<string>(type: "TEXT", nullable: true),
                    recipients = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reorder_alerts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    reorder_point = table.Column<int>(type: "INTEGER", nullable: false),
                    available_at_open = table.Column<long>(type: "INTEGER", nullable: false),
                    available_at_close = table.Column<long>(type: "INTEGER", nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reorder_alerts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_alert_id",
                table: "mail_outbox",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_outbox_due",
                table: "mail_outbox",
                column: "next_attempt_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_reorder_alerts_status_opened_at",
                table: "reorder_alerts",
                columns: new[] { "status", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reorder_alerts_open",
                table: "reorder_alerts",
                columns: new[] { "product_id", "location_id" },
                unique: true,
                filter: "status = 'open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "location_alert_recipients");

            migrationBuilder.DropTable(
                name: "mail_outbox");

            migrationBuilder.DropTable(
                name: "reorder_alerts");
        }
    }
}
