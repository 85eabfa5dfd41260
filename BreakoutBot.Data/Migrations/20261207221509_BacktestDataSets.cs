using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <summary>
    /// <c>backtest_data_sets</c>: the data sets the backtester holds, which it keeps equal to its data directory, so the
    /// Api can refuse a run naming an unknown one and the console can offer the names.
    /// </summary>
    public partial class BacktestDataSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "backtest_data_sets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    symbols = table.Column<int>(type: "integer", nullable: false),
                    listed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backtest_data_sets", x => x.name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backtest_data_sets");
        }
    }
}
