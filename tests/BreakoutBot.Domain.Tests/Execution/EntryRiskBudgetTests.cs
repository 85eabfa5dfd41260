using BreakoutBot.Domain.Execution;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Tests.Risk;

namespace BreakoutBot.Domain.Tests.Execution;

public sealed class EntryRiskBudgetTests
{
    private static readonly Instrument Btc = RiskTestData.Btc();

    [Fact]
    public void Room_PriceMovedAgainstTheEntry_LaterSliceIsCutSoTheTotalRiskStaysWithinTheBudget()
    {
        // Sized at 100 with the stop at 90: 100 USDT of budget buys 10 units. Half filled at 100, then the price runs to 104.
        var budget = new EntryRiskBudget(100m, 90m, 0m);

        var room = budget.Room(planned: 5m, price: 104m, filled: 5m, averageFill: 100m, working: [], Btc);

        Assert.Equal(3.571m, room);
        Assert.True((5m * budget.RiskPerUnit(100m)) + (room * budget.RiskPerUnit(104m)) <= 100m);
    }

    [Fact]
    public void Room_PriceMovedTowardsTheStop_ThePlannedSliceFitsAndIsNotEnlarged()
    {
        var budget = new EntryRiskBudget(100m, 90m, 0m);

        Assert.Equal(5m, budget.Room(planned: 5m, price: 98m, filled: 5m, averageFill: 100m, working: [], Btc));
    }

    [Fact]
    public void Room_WorkingOrdersAndFeesCount_BudgetUsedUpGivesNothing()
    {
        var budget = new EntryRiskBudget(100m, 90m, 0.001m);

        var withWorking = budget.Room(planned: 5m, price: 100m, filled: 2m, averageFill: 100m, working: [(3m, 100m, false)], Btc);
        var usedUp = budget.Room(planned: 5m, price: 100m, filled: 10m, averageFill: 100m, working: [], Btc);

        // 10.19 USDT per unit with fees: 5 units are spoken for, so 100 − 50.95 leaves 4.81 units.
        Assert.Equal(4.813m, withWorking);
        Assert.Equal(0m, usedUp);
    }

    [Fact]
    public void Room_RestingEntryAtTheMakerRate_MoreRoomThanTakingAndARebateMore()
    {
        // Taker 5.5 bps on the stop's exit always; the resting entry pays 2 bps, or earns a 1 bps rebate.
        var budget = new EntryRiskBudget(100m, 90m, 0.00055m, MakerFeeRate: 0.0002m);
        var rebate = budget with { MakerFeeRate = -0.0001m };

        var taking = budget.Room(planned: 20m, price: 100m, filled: 0m, averageFill: 0m, working: [], Btc);
        var resting = budget.Room(planned: 20m, price: 100m, filled: 0m, averageFill: 0m, working: [], Btc, maker: true);
        var withRebate = rebate.Room(planned: 20m, price: 100m, filled: 0m, averageFill: 0m, working: [], Btc, maker: true);

        Assert.Equal(10m + (100m * 0.0002m) + (90m * 0.00055m), budget.RiskPerUnit(100m, maker: true));
        Assert.True(taking < resting && resting < withRebate, $"{taking} < {resting} < {withRebate}");
        Assert.True(resting * budget.RiskPerUnit(100m, maker: true) <= 100m);
        Assert.Equal(budget.RiskPerUnit(100m), (budget with { MakerFeeRate = null }).RiskPerUnit(100m, maker: true));
    }

    [Fact]
    public void Room_RoundsDownToTheLotStep_NeverUp()
    {
        var budget = new EntryRiskBudget(10m, 90m, 0m);

        Assert.Equal(0.333m, budget.Room(planned: 1m, price: 120m, filled: 0m, averageFill: 0m, working: [], Btc));
    }
}
