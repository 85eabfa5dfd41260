using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using Npgsql;

namespace BreakoutBot.IntegrationTests;

/// <summary>The whole chain in sim mode: the scanner's signals become protected positions, and our books match the venue's wallet.</summary>
public class TradingTests(DistributedAppFixture fixture)
{
    /// <summary>The simulated account's opening balance (SimulatorOptions.StartingBalance; the AppHost keeps the default).</summary>
    private const decimal StartingBalance = 10_000m;

    private static readonly TimeSpan PositionWait = TimeSpan.FromMinutes(14);
    private static readonly TimeSpan LedgerWait = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ScannerSignal_BecomesAnEntryWithVenueStopAndTakeProfits_BooksEqualTheVenueWallet()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await fixture.EnsureEngineRunningAsync();
        await using var database = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("breakoutdb", cancellation));
        await database.OpenAsync(cancellation);

        // A position that came from a scanner signal and whose entry is complete (Open, or already closed as a trade).
        var waited = Stopwatch.StartNew();
        string? positionId = null;
        while (positionId is null && waited.Elapsed < PositionWait)
        {
            await fixture.EnsureEngineRunningAsync();
            positionId = await ScalarAsync<string>(database, """
                SELECT p.position_id FROM positions p JOIN signals s ON s.signal_id = p.signal_id
                WHERE s.outcome = 'Approved' AND p.status IN ('Open', 'Closed') AND p.original_quantity > 0
                  AND EXISTS (SELECT 1 FROM orders o WHERE o.position_id = p.position_id AND o.purpose = 'TakeProfit')
                ORDER BY p.opened_at LIMIT 1
                """);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        }

        if (positionId is null)
        {
            Assert.Fail($"no scanner signal became a protected position within {PositionWait}:{Environment.NewLine}{await fixture.DescribeRecentSignalsAsync()}");
        }

        var filledEntry = await ScalarAsync<decimal>(database, $"SELECT COALESCE(SUM(filled_quantity), 0) FROM orders WHERE position_id = '{positionId}' AND purpose = 'Entry'");
        var originalQuantity = await ScalarAsync<decimal>(database, $"SELECT original_quantity FROM positions WHERE position_id = '{positionId}'");
        Assert.Equal(originalQuantity, filledEntry);
        Assert.True(await ScalarAsync<bool>(database, $"""
            SELECT EXISTS (SELECT 1 FROM orders o JOIN positions p ON p.position_id = o.position_id
                           WHERE o.position_id = '{positionId}' AND o.purpose = 'StopLoss' AND o.order_type = 'Stop'
                             AND o.reduce_only AND o.trigger_price = p.initial_stop)
            """), "the venue stop at the signal's stop");
        Assert.False(await ScalarAsync<bool>(database, $"SELECT EXISTS (SELECT 1 FROM orders WHERE position_id = '{positionId}' AND purpose = 'TakeProfit' AND NOT reduce_only)"));

        // Everything our books say was realised (PnL net of every fee, open positions' entry fees included) is what the
        // venue's wallet moved by, to the cent, once the fills in flight are booked.
        using var venueHttp = fixture.App.CreateHttpClient("exchange-sim");
        var venue = new BybitPrivateClient(venueHttp, new BybitCredentials("sim-api-key", "sim-api-secret"), TimeProvider.System);
        (decimal Wallet, decimal Booked) last = default;
        var ledgerWaited = Stopwatch.StartNew();
        do
        {
            var wallet = (await venue.GetWalletBalanceAsync(cancellation)).Wallet;
            var booked = await ScalarAsync<decimal>(database, "SELECT COALESCE(SUM(realized_pnl), 0) FROM positions WHERE origin <> 'External'");
            last = (wallet, booked);
            if (decimal.Round(wallet - StartingBalance, 2) == decimal.Round(booked, 2))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }
        while (ledgerWaited.Elapsed < LedgerWait);

        Assert.Equal(decimal.Round(last.Wallet - StartingBalance, 2), decimal.Round(last.Booked, 2));
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }
}
