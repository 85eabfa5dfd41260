using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Positions.PositionTestData;

namespace BreakoutBot.Domain.Tests.Scenarios;

/// <summary>
/// One trade end to end on a hand-built path: entry, TP1 (partial), stop to breakeven, trailing, TP2, trailing stop —
/// every exit booked as a fill in the ledger, which must reconcile to the cent.
/// </summary>
public class TradeLifecycleScenarioTests
{
    private const decimal TakerFee = 0.00055m;
    private const decimal MakerFee = 0.0002m;

    [Fact]
    public void Trade_TakeProfitsBreakevenTrailAndStop_ReconcilesWithLedgerToTheCent()
    {
        var config = Config();
        var ledger = new AccountLedger(10_000m);
        var entry = new Fill("e-1", "o-entry", Btc.Symbol, OrderSide.Buy, 1m, 60_000m, 1m * 60_000m * TakerFee, LiquidityRole.Taker, Start);
        Assert.Equal(FillOutcome.Applied, ledger.Apply(entry, initialRiskPerUnit: 600m).Outcome);
        var position = Long(config);

        Candle[] path =
        [
            Bar(0, 60_000m, 60_700m, 59_900m, 60_650m),
            Bar(1, 60_650m, 61_300m, 60_600m, 61_250m),
            Bar(2, 61_250m, 61_900m, 61_200m, 61_850m),
            Bar(3, 61_850m, 61_860m, 61_000m, 61_100m),
        ];
        var executions = 0;
        foreach (var bar in path)
        {
            var outcome = PositionRules.ApplyBar(position, bar, config, Btc);
            foreach (var exit in outcome.Exits)
            {
                // Targets rest as limit orders (maker); stops execute as market orders (taker).
                var rate = exit.Reason == ExitReason.TakeProfit ? MakerFee : TakerFee;
                var fill = new Fill($"x-{++executions}", $"o-exit-{executions}", Btc.Symbol, OrderSide.Sell, exit.Quantity, exit.Price,
                    exit.Quantity * exit.Price * rate, exit.Reason == ExitReason.TakeProfit ? LiquidityRole.Maker : LiquidityRole.Taker, exit.At);
                Assert.Equal(FillOutcome.Applied, ledger.Apply(fill).Outcome);
            }

            position = outcome.Position;
        }

        Assert.Equal(PositionStatus.Closed, position.Status);
        Assert.Null(ledger.PositionOf(Btc.Symbol));
        var expectedFees = 33m + 6.06m + 3.09m + 8.4261375m;
        Assert.Equal(1_070.25m, ledger.RealisedPnl);
        Assert.Equal(expectedFees, ledger.FeesPaid);
        Assert.Equal(10_000m + 1_070.25m - expectedFees, ledger.WalletBalance);
        Assert.Equal(ledger.WalletBalance, ledger.Equity);
        var trade = Assert.Single(ledger.ClosedTrades);
        Assert.Equal(1_070.25m - expectedFees, trade.NetPnl);
        Assert.Equal(decimal.Round((1_070.25m - expectedFees) / 600m, 10), decimal.Round(trade.RMultiple!.Value, 10));
    }

    [Fact]
    public void Trade_BarTouchesStopAndTarget_LedgerBooksTheStopLoss()
    {
        var config = Config();
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(new Fill("e-1", "o-1", Btc.Symbol, OrderSide.Buy, 1m, 60_000m, 33m, LiquidityRole.Taker, Start), initialRiskPerUnit: 600m);

        var outcome = PositionRules.ApplyBar(Long(config), Bar(0, 60_000m, 60_700m, 59_300m, 60_500m), config, Btc);
        var exit = Assert.Single(outcome.Exits);
        ledger.Apply(new Fill("x-1", "o-2", Btc.Symbol, OrderSide.Sell, exit.Quantity, exit.Price, exit.Quantity * exit.Price * TakerFee, LiquidityRole.Taker, exit.At));

        Assert.Equal(-600m, ledger.RealisedPnl);
        Assert.Equal(10_000m - 600m - 33m - 32.67m, ledger.WalletBalance);
    }
}
