using BenchmarkDotNet.Attributes;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// A whole backtest — every stage of the scanner's close and the strategy for every symbol and bar, the risk gate,
/// the position rules and the accounting — over 8 symbols × 2,000 five-minute bars of the simulated market, preset
/// <c>sim_breakout</c>. Candles per second = 16,000 / the mean. The bars are generated in the setup (no file reading).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class BacktestBenchmarks
{
    private const int Symbols = 8;
    private const int Bars = 2_000;
    private List<SymbolSeries> _market = [];
    private BacktestSettings _settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        var universe = SyntheticUniverse.Default.Take(Symbols).ToList();
        var market = new SyntheticMarket(11, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), universe, CandleInterval.FiveMinutes);
        var bars = universe.Select(_ => new List<Candle>(Bars)).ToArray();
        for (var bar = 0; bar < Bars; bar++)
        {
            var next = market.NextBars();
            for (var i = 0; i < next.Count; i++)
            {
                bars[i].Add(next[i]);
            }
        }

        _market = [.. market.Instruments.Select((instrument, i) => new SymbolSeries(instrument, bars[i]))];
        var shipped = ShippedPresets.All().Single(preset => preset.Name == ShippedPresets.SimulatedMarketName);
        _settings = new BacktestSettings { Preset = PresetLoader.Load(shipped.Json, shipped.Name + PresetLoader.FileExtension).Preset! };
    }

    [Benchmark]
    public int BacktestEightSymbolsTwoThousandBars() => new BacktestRunner(_settings).Run(_market).Trades.Count;
}
