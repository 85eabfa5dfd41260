using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReconciliationDrifts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reconciliation_drifts",
                columns: table => new
                {
                    drift_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    position_id = table.Column<string>(type: "text", nullable: true),
                    ours_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    venue_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_drifts", x => x.drift_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_drifts_found_at",
                table: "reconciliation_drifts",
                column: "found_at");

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_drifts_position_id",
                table: "reconciliation_drifts",
                column: "position_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconciliation_drifts");
        }
    }
}
