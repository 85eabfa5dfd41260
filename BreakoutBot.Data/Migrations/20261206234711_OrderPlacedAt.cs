using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderPlacedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "placed_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "placed_at",
                table: "orders");
        }
    }
}
