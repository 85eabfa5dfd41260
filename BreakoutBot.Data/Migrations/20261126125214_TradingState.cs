using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class TradingState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engine_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    mode = table.Column<string>(type: "text", nullable: false),
                    preset_name = table.Column<string>(type: "text", nullable: false),
                    preset_version = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    starting_equity = table.Column<decimal>(type: "numeric", nullable: false),
                    ending_equity = table.Column<decimal>(type: "numeric", nullable: true),
                    stop_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engine_state",
                columns: table => new
                {
                    account = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    preset_name = table.Column<string>(type: "text", nullable: true),
                    preset_version = table.Column<int>(type: "integer", nullable: true),
                    session_id = table.Column<long>(type: "bigint", nullable: true),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_state", x => x.account);
                });

            migrationBuilder.CreateTable(
                name: "equity_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    equity = table.Column<decimal>(type: "numeric", nullable: false),
                    wallet_balance = table.Column<decimal>(type: "numeric", nullable: false),
                    unrealized_pnl = table.Column<decimal>(type: "numeric", nullable: false),
                    open_positions = table.Column<int>(type: "integer", nullable: false),
                    drawdown = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_equity_snapshots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fills",
                columns: table => new
                {
                    execution_id = table.Column<string>(type: "text", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    position_id = table.Column<string>(type: "text", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    price = table.Column<decimal>(type: "numeric", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    fee = table.Column<decimal>(type: "numeric", nullable: false),
                    liquidity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    executed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fills", x => x.execution_id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "text", nullable: false),
                    venue_order_id = table.Column<string>(type: "text", nullable: true),
                    position_id = table.Column<string>(type: "text", nullable: true),
                    signal_id = table.Column<string>(type: "text", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    order_type = table.Column<string>(type: "text", nullable: false),
                    price = table.Column<decimal>(type: "numeric", nullable: true),
                    trigger_price = table.Column<decimal>(type: "numeric", nullable: true),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    filled_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    average_price = table.Column<decimal>(type: "numeric", nullable: true),
                    reduce_only = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    reject_reason = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    stream = table.Column<string>(type: "text", nullable: false),
                    message_id = table.Column<string>(type: "text", nullable: false),
                    envelope_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    position_id = table.Column<string>(type: "text", nullable: false),
                    signal_id = table.Column<string>(type: "text", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    origin = table.Column<string>(type: "text", nullable: false),
                    entry_price = table.Column<decimal>(type: "numeric", nullable: false),
                    initial_stop = table.Column<decimal>(type: "numeric", nullable: false),
                    stop = table.Column<decimal>(type: "numeric", nullable: false),
                    stop_kind = table.Column<string>(type: "text", nullable: false),
                    original_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    open_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    best_price = table.Column<decimal>(type: "numeric", nullable: false),
                    breakout_level = table.Column<decimal>(type: "numeric", nullable: true),
                    bars_held = table.Column<int>(type: "integer", nullable: false),
                    targets_json = table.Column<string>(type: "jsonb", nullable: false),
                    realized_pnl = table.Column<decimal>(type: "numeric", nullable: false),
                    fees = table.Column<decimal>(type: "numeric", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    exit_reason = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_positions", x => x.position_id);
                });

            migrationBuilder.CreateTable(
                name: "preset_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_preset_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_state",
                columns: table => new
                {
                    account = table.Column<string>(type: "text", nullable: false),
                    trading_day = table.Column<DateOnly>(type: "date", nullable: false),
                    day_start_equity = table.Column<decimal>(type: "numeric", nullable: false),
                    peak_equity = table.Column<decimal>(type: "numeric", nullable: false),
                    kill_switch_tripped = table.Column<bool>(type: "boolean", nullable: false),
                    kill_switch_reason = table.Column<string>(type: "text", nullable: true),
                    kill_switch_tripped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consecutive_losses = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_state", x => x.account);
                });

            migrationBuilder.CreateTable(
                name: "scan_summaries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    candle_open_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    symbols_tracked = table.Column<int>(type: "integer", nullable: false),
                    symbols_passed = table.Column<int>(type: "integer", nullable: false),
                    signals_emitted = table.Column<int>(type: "integer", nullable: false),
                    evaluation_milliseconds = table.Column<double>(type: "double precision", nullable: false),
                    top_candidates_json = table.Column<string>(type: "jsonb", nullable: false),
                    preset_name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scan_summaries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                columns: table => new
                {
                    signal_id = table.Column<string>(type: "text", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    strategy = table.Column<string>(type: "text", nullable: false),
                    level_price = table.Column<decimal>(type: "numeric", nullable: false),
                    entry = table.Column<decimal>(type: "numeric", nullable: false),
                    stop = table.Column<decimal>(type: "numeric", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    preset_name = table.Column<string>(type: "text", nullable: false),
                    preset_version = table.Column<int>(type: "integer", nullable: false),
                    candle_open_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    position_id = table.Column<string>(type: "text", nullable: true),
                    correlation_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signals", x => x.signal_id);
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    trade_id = table.Column<string>(type: "text", nullable: false),
                    position_id = table.Column<string>(type: "text", nullable: false),
                    signal_id = table.Column<string>(type: "text", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    strategy = table.Column<string>(type: "text", nullable: true),
                    entry_price = table.Column<decimal>(type: "numeric", nullable: false),
                    exit_price = table.Column<decimal>(type: "numeric", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    realized_pnl = table.Column<decimal>(type: "numeric", nullable: false),
                    fees = table.Column<decimal>(type: "numeric", nullable: false),
                    rmultiple = table.Column<decimal>(type: "numeric", nullable: false),
                    initial_risk = table.Column<decimal>(type: "numeric", nullable: false),
                    exit_reason = table.Column<string>(type: "text", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trades", x => x.trade_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_engine_sessions_started_at",
                table: "engine_sessions",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_equity_snapshots_at",
                table: "equity_snapshots",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_fills_executed_at",
                table: "fills",
                column: "executed_at");

            migrationBuilder.CreateIndex(
                name: "IX_fills_order_id",
                table: "fills",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_fills_position_id",
                table: "fills",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "IX_orders_created_at",
                table: "orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_orders_position_id",
                table: "orders",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "IX_orders_status",
                table: "orders",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_id",
                table: "outbox",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unpublished",
                table: "outbox",
                column: "id",
                filter: "published_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_positions_signal_id",
                table: "positions",
                column: "signal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_positions_status",
                table: "positions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_preset_versions_name_version",
                table: "preset_versions",
                columns: new[] { "name", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scan_summaries_at",
                table: "scan_summaries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_signals_received_at",
                table: "signals",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "IX_signals_symbol_received_at",
                table: "signals",
                columns: new[] { "symbol", "received_at" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_closed_at",
                table: "trades",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "IX_trades_position_id",
                table: "trades",
                column: "position_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trades_symbol_closed_at",
                table: "trades",
                columns: new[] { "symbol", "closed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engine_sessions");

            migrationBuilder.DropTable(
                name: "engine_state");

            migrationBuilder.DropTable(
                name: "equity_snapshots");

            migrationBuilder.DropTable(
                name: "fills");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "preset_versions");

            migrationBuilder.DropTable(
                name: "risk_state");

            migrationBuilder.DropTable(
                name: "scan_summaries");

            migrationBuilder.DropTable(
                name: "signals");

            migrationBuilder.DropTable(
                name: "trades");
        }
    }
}
