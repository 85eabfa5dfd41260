using BenchmarkDotNet.Attributes;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// What the simulated venue generates per bar: one BTCUSDT bar's trade tape (≈ 1,200 prints) and the 50-level book
/// after a print (what each order-book delta and each matched step costs). Prints/s = prints ÷ tape time.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SimulatorTapeBenchmarks
{
    private Instrument _instrument = null!;
    private Candle _bar = null!;
    private IntrabarTape _tape = null!;

    [GlobalSetup]
    public void Setup()
    {
        var market = new SyntheticMarket(20261126, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 200; i++)
        {
            _bar = market.NextBars()[0];
        }

        _instrument = market.Instruments[0];
        _tape = IntrabarPath.Generate(_instrument, _bar, 200, seed: 1);
    }

    [Benchmark]
    public int BtcBarTape() => IntrabarPath.Generate(_instrument, _bar, 200, seed: 1).Count;

    [Benchmark]
    public int BookAfterPrint50Levels() => SyntheticBook.After(_tape, _tape.Count / 2, 50, 1, 1).Bids.Count;
}
