using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class PositionLastBarOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_bar_open",
                table: "positions",
                type: "timestamp with time zone",
                nullable: true);

            // Positions managed before this column existed had their bars applied by an executor that kept the last one
            // in memory: from now on, so none of those is applied a second time.
            migrationBuilder.Sql("UPDATE positions SET last_bar_open = now() WHERE status IN ('Opening', 'Open', 'Closing')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_bar_open",
                table: "positions");
        }
    }
}
