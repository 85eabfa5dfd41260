using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModeScopedBooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "trades",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "signals",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "reconciliation_drifts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "positions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "funding_payments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "fills",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "equity_snapshots",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "sim");

            migrationBuilder.AlterColumn<string>(
                name: "mode",
                table: "engine_sessions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            // Books written before modes were kept apart belong to the mode engine_state last recorded (one account
            // per deployment), or to sim when there is none (the column default).
            migrationBuilder.Sql("UPDATE trades SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE signals SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE reconciliation_drifts SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE positions SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE orders SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE funding_payments SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE fills SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
            migrationBuilder.Sql("UPDATE equity_snapshots SET mode = recorded.mode FROM (SELECT mode FROM engine_state ORDER BY account LIMIT 1) AS recorded;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "mode",
                table: "trades");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "signals");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "reconciliation_drifts");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "funding_payments");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "fills");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "equity_snapshots");

            migrationBuilder.AlterColumn<string>(
                name: "mode",
                table: "engine_sessions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);
        }
    }
}
