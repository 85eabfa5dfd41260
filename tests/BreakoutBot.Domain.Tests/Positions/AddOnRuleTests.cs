using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using static BreakoutBot.Domain.Tests.Positions.PositionTestData;

namespace BreakoutBot.Domain.Tests.Positions;

/// <summary><c>add_on_enabled</c> and <c>add_on_max_size_pct</c>: long 1 BTC at 60,000, stop 59,400 (1 R = 600).</summary>
public class AddOnRuleTests
{
    [Theory]
    [InlineData(true, 0.5, 60_300, 60_300, 0.5)]   // +0.5 R, at the EMA: half the open quantity
    [InlineData(true, 0.3, 60_300, 60_300, 0.3)]   // add_on_max_size_pct decides the size
    [InlineData(false, 0.5, 60_300, 60_300, null)] // add_on_enabled off
    [InlineData(true, 0.5, 60_200, 60_200, null)]  // only +0.33 R
    [InlineData(true, 0.5, 60_300, 59_900, null)]  // 0.67 % above the EMA: no pullback
    public void Quantity_OnlyAWinnerPulledBackToItsEma(bool enabled, double sizePct, double price, double ema, double? expected)
    {
        var config = Config() with { AddOnEnabled = enabled, AddOnMaxSizePct = (decimal)sizePct };

        // The stop at breakeven: the open quantity risks nothing, so the size is the preset's share (risk is tested below).
        var position = Long(config) with { Stop = 60_000m, StopKind = StopKind.Breakeven };

        var quantity = AddOnRule.Quantity(position, (decimal)price, (decimal)ema, config, Btc, alreadyAdded: false);

        Assert.Equal((decimal?)expected, quantity);
    }

    [Fact]
    public void Quantity_OncePerPosition()
    {
        var config = Config() with { AddOnEnabled = true, AddOnMaxSizePct = 0.5m };

        Assert.Null(AddOnRule.Quantity(Long(config) with { Stop = 60_000m }, 60_300m, 60_300m, config, Btc, alreadyAdded: true));
    }

    [Fact]
    public void Quantity_CutToTheFirstRiskAtTheStop()
    {
        // Stop still at 59,400: the open 1 BTC risks the whole 600 already, so a full-size add would double the risk.
        // At 60,300 each added unit risks 900 more; nothing is left of the first R: no add.
        var config = Config() with { AddOnEnabled = true, AddOnMaxSizePct = 1m };
        Assert.Null(AddOnRule.Quantity(Long(config), 60_300m, 60_300m, config, Btc, alreadyAdded: false));

        // Stop at breakeven (60,000): the open BTC risks nothing, so 600 / (60,300 − 60,000) = 2 BTC fit; 100 % of 1 BTC is 1.
        var atBreakeven = Long(config) with { Stop = 60_000m, StopKind = StopKind.Breakeven };
        Assert.Equal(1m, AddOnRule.Quantity(atBreakeven, 60_300m, 60_300m, config, Btc, alreadyAdded: false));

        // Stop at 59,700: the open BTC still risks 300, leaving 300 / 600 per added unit = 0.5 BTC.
        var halfway = Long(config) with { Stop = 59_700m };
        Assert.Equal(0.5m, AddOnRule.Quantity(halfway, 60_300m, 60_300m, config, Btc, alreadyAdded: false));
    }

    [Fact]
    public void Added_AveragesTheEntry()
    {
        var added = AddOnRule.Added(Long(Config()), 0.5m, 60_300m);

        Assert.Equal((1.5m, 60_100m), (added.OpenQuantity, added.EntryPrice));
    }

    [Fact]
    public void EmaOf_NeedsNineBars()
    {
        List<Candle> bars = [.. Enumerable.Range(0, 8).Select(i => Bar(i, 100m, 101m, 99m, 100m))];
        Assert.Null(AddOnRule.EmaOf(bars));

        bars.Add(Bar(8, 100m, 101m, 99m, 100m));
        Assert.Equal(100m, AddOnRule.EmaOf(bars));
    }
}
