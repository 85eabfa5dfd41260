using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class BacktestRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "backtest_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    preset_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    preset_version = table.Column<int>(type: "integer", nullable: false),
                    request = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    bars_read = table.Column<long>(type: "bigint", nullable: false),
                    bars_total = table.Column<long>(type: "bigint", nullable: false),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    figures = table.Column<string>(type: "jsonb", nullable: true),
                    equity = table.Column<string>(type: "jsonb", nullable: true),
                    trades = table.Column<string>(type: "jsonb", nullable: true),
                    trades_truncated = table.Column<bool>(type: "boolean", nullable: false),
                    report_html = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backtest_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_backtest_runs_preset_name_preset_version",
                table: "backtest_runs",
                columns: new[] { "preset_name", "preset_version" });

            migrationBuilder.CreateIndex(
                name: "IX_backtest_runs_status_requested_at",
                table: "backtest_runs",
                columns: new[] { "status", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backtest_runs");
        }
    }
}
