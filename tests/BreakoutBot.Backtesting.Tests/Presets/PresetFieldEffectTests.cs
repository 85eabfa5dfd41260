using BreakoutBot.Backtesting.Engine;

namespace BreakoutBot.Backtesting.Tests.Presets;

/// <summary>Flipping each of these preset fields changes what the backtest trades (<see cref="PresetFieldEffects"/>).</summary>
public sealed class PresetFieldEffectTests
{
    public static TheoryData<string> Fields() => [.. PresetFieldEffects.All.Value.Select(effect => effect.Field)];

    [Theory]
    [MemberData(nameof(Fields))]
    public void FlippingTheField_ChangesTheTrades(string field)
    {
        var effect = PresetFieldEffects.All.Value.Single(candidate => candidate.Field == field);

        Assert.NotEmpty(effect.Before.Trades);
        Assert.NotEqual(Rows(effect.Before), Rows(effect.After));
    }

    private static List<string> Rows(BacktestResult result) =>
        [.. result.Trades.Select(trade => $"{trade.Symbol.Value} {trade.EntryTime:O} {trade.ExitTime:O} {trade.EntryPrice} {trade.ExitPrice} {trade.Quantity} {trade.ExitReason}")];
}
