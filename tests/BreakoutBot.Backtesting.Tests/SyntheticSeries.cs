using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>The simulator's seeded synthetic market as backtest input: five-minute bars from 2026-01-01.</summary>
internal static class SyntheticSeries
{
    public static List<SymbolSeries> Of(IReadOnlyList<SyntheticSymbol> universe, int bars, int seed)
    {
        var market = new SyntheticMarket(seed, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), universe, CandleInterval.FiveMinutes);
        var series = universe.Select(_ => new List<Candle>(bars)).ToArray();
        for (var bar = 0; bar < bars; bar++)
        {
            var next = market.NextBars();
            for (var i = 0; i < next.Count; i++)
            {
                series[i].Add(next[i]);
            }
        }

        return [.. market.Instruments.Select((instrument, i) => new SymbolSeries(instrument, series[i]))];
    }
}
