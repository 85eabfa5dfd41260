using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class FlattenPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "flatten_pending",
                table: "risk_state",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "flatten_pending",
                table: "risk_state");
        }
    }
}
