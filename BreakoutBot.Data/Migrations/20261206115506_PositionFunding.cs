using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class PositionFunding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "funding",
                table: "trades",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "funding",
                table: "positions",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "funding_payments",
                columns: table => new
                {
                    transaction_id = table.Column<string>(type: "text", nullable: false),
                    position_id = table.Column<string>(type: "text", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_payments", x => x.transaction_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_payments_position_id",
                table: "funding_payments",
                column: "position_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_payments");

            migrationBuilder.DropColumn(
                name: "funding",
                table: "trades");

            migrationBuilder.DropColumn(
                name: "funding",
                table: "positions");
        }
    }
}
