using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class PositionPreset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "preset_name",
                table: "positions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "preset_version",
                table: "positions",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "preset_name",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "preset_version",
                table: "positions");
        }
    }
}
