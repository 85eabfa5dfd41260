using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "longest_unprotected_seconds",
                table: "positions",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "unprotected_seconds",
                table: "positions",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "unprotected_since",
                table: "positions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancel_requested_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "longest_unprotected_seconds",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "unprotected_seconds",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "unprotected_since",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "cancel_requested_at",
                table: "orders");
        }
    }
}
