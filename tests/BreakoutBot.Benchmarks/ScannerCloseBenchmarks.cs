using BenchmarkDotNet.Attributes;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Testing;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// The Scanner's whole work for one closed 5-minute bar across 500 simulated symbols, as the service runs it
/// (<see cref="CloseEvaluator"/>): metrics, filters, score and rank, then level detection and the signal engine for
/// every symbol. Each iteration evaluates the next bar of a pre-generated market, so the signal engines advance as in
/// the service. This is the scanner's share of close-to-signal latency; the rest is the batch wait for the last
/// symbol's close and one Redis round trip per signal.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class ScannerCloseBenchmarks
{
    private const int Symbols = 500;
    private const int HistoryBars = 300;
    private const int EvaluatedBars = 64;
    private SymbolInputs[][] _bars = [];
    private CloseEvaluator _evaluator = null!;
    private DateTimeOffset[] _openTimes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var universe = Enumerable.Range(0, Symbols)
            .Select(i => SyntheticUniverse.Default[i % SyntheticUniverse.Default.Count] with { Symbol = InstrumentSymbol.Parse(i == 0 ? "BTCUSDT" : $"SYM{i}USDT") })
            .ToList();
        var market = new SyntheticMarket(7, start, universe);
        var history = universe.Select(_ => new List<Candle>()).ToArray();
        _bars = new SymbolInputs[EvaluatedBars][];
        _openTimes = new DateTimeOffset[EvaluatedBars];
        for (var bar = 0; bar < HistoryBars + EvaluatedBars; bar++)
        {
            var next = market.NextBars();
            for (var s = 0; s < Symbols; s++)
            {
                history[s].Add(next[s]);
            }

            if (bar >= HistoryBars)
            {
                var index = bar - HistoryBars;
                _openTimes[index] = next[0].OpenTime;
                _bars[index] = [.. market.Instruments.Select((instrument, s) => Inputs(instrument, history[s], bar))];
            }
        }

        var name = ShippedPresets.SimulatedMarketName;
        var preset = PresetLoader.Load(ShippedPresets.All().Single(entry => entry.Name == name).Json, name).Preset!;
        _evaluator = new CloseEvaluator(new ActivePreset(preset, 1), levelWindowBars: 120, TimeProvider.System);

        // The first close of a new evaluator also replays each symbol's history (start-up work, not per close).
        _evaluator.Evaluate(_openTimes[0], _bars[0]);
        _next = 1;
    }

    [Benchmark]
    public int EvaluateOneCloseFor500Symbols()
    {
        var index = _next++ % EvaluatedBars;
        return _evaluator.Evaluate(_openTimes[index], _bars[index]).Signals.Count;
    }

    private static SymbolInputs Inputs(Instrument instrument, List<Candle> history, int bar)
    {
        var candles = history.GetRange(Math.Max(0, history.Count - HistoryBars), Math.Min(HistoryBars, history.Count));
        var last = candles[^1];
        var day = candles.TakeLast(288).ToList();
        var ticker = new Ticker
        {
            Symbol = instrument.Symbol,
            Time = last.CloseTime,
            LastPrice = last.Close,
            MarkPrice = last.Close,
            IndexPrice = last.Close,
            HighPrice24h = day.Max(candle => candle.High),
            LowPrice24h = day.Min(candle => candle.Low),
            Volume24h = day.Sum(candle => candle.Volume),
            Turnover24h = day.Sum(candle => candle.Turnover),
            PriceChange24hFraction = (last.Close - day[0].Open) / day[0].Open,
            OpenInterest = day.Sum(candle => candle.Volume) / 4,
            OpenInterestValue = day.Sum(candle => candle.Volume) / 4 * last.Close,
        };
        return new SymbolInputs(
            instrument,
            candles,
            ticker,
            SyntheticBookAndTrades.OrderBook(instrument, last, bar, 50, last.CloseTime),
            SyntheticBookAndTrades.Trades(instrument, last, bar, 200),
            last.CloseTime.AddMinutes(-30));
    }
}
