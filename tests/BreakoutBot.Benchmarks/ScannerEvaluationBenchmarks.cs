using BenchmarkDotNet.Attributes;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Scanning;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// One closed 5-minute candle evaluated for a 500-symbol universe: metrics per symbol (300 bars of history, a 50-level
/// book, recent trades, ticker, BTC correlation), then filters, scores and ranking with the breakout_v1 preset.
/// TARGETS.md: under 50 ms on one core for all 500.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class ScannerEvaluationBenchmarks
{
    private const int Symbols = 500;
    private const int HistoryBars = 300;
    private MarketMetricsInput[] _inputs = [];
    private List<Candle>[] _history = [];
    private TradingPreset _preset = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var universe = Enumerable.Range(0, Symbols)
            .Select(i => SyntheticUniverse.Default[i % SyntheticUniverse.Default.Count] with { Symbol = InstrumentSymbol.Parse(i == 0 ? "BTCUSDT" : $"SYM{i}USDT") })
            .ToList();
        var market = new SyntheticMarket(99, start, universe);
        var history = universe.Select(_ => new List<Candle>()).ToArray();
        for (var bar = 0; bar < HistoryBars; bar++)
        {
            var next = market.NextBars();
            for (var s = 0; s < Symbols; s++)
            {
                history[s].Add(next[s]);
            }
        }

        _history = history;
        var now = history[0][^1].CloseTime;
        _inputs = [.. universe.Select((symbol, s) => Input(symbol, market.Instruments[s], history[s], history[0], now))];
        _preset = PresetLoader.LoadFile(Path.Combine(RepositoryRoot(), "presets", "breakout_v1.json")).Preset!;
    }

    [Benchmark]
    public MarketScanResult EvaluateCloseFor500Symbols()
    {
        var metrics = new MarketMetrics[_inputs.Length];
        for (var i = 0; i < _inputs.Length; i++)
        {
            metrics[i] = MarketMetricsCalculator.Compute(_inputs[i]);
        }

        return MarketScan.Run(metrics, _preset);
    }

    /// <summary>Level detection over the last 120 bars, for every symbol (signal evaluation itself is O(levels) on top).</summary>
    [Benchmark]
    public int DetectLevelsFor500Symbols()
    {
        var levelRules = LevelDetectionRules.FromPreset(_preset.LevelsRules);
        var levels = 0;
        for (var s = 0; s < _history.Length; s++)
        {
            var bars = _history[s];
            levels += LevelDetector.Detect(bars.GetRange(bars.Count - 120, 120), levelRules).Count;
        }

        return levels;
    }

    private static MarketMetricsInput Input(SyntheticSymbol symbol, Instrument instrument, List<Candle> candles, List<Candle> btc, DateTimeOffset now)
    {
        var last = candles[^1];
        var bids = Enumerable.Range(0, 50).Select(level => new PriceLevel(instrument.FloorPriceToTick(last.Close) - (instrument.TickSize * level), symbol.BaseVolume / 20));
        var asks = Enumerable.Range(1, 50).Select(level => new PriceLevel(instrument.FloorPriceToTick(last.Close) + (instrument.TickSize * level), symbol.BaseVolume / 20));
        var trades = Enumerable.Range(0, 100)
            .Select(i => new Trade(instrument.Symbol, $"t{i}", now.AddSeconds(-3 * i), last.Close, instrument.QtyStep, i % 2 == 0 ? TakerSide.Buy : TakerSide.Sell, false))
            .Reverse()
            .ToList();
        var day = candles.TakeLast(288).ToList();
        return new MarketMetricsInput
        {
            Symbol = instrument.Symbol,
            Now = now,
            Candles = candles,
            FiveMinuteCandles = candles,
            BtcCandles = btc,
            OrderBook = new OrderBookSnapshot(instrument.Symbol, bids, asks, now),
            RecentTrades = trades,
            TradesCompleteSince = now.AddMinutes(-30),
            Ticker = new Ticker
            {
                Symbol = instrument.Symbol,
                Time = now,
                LastPrice = last.Close,
                MarkPrice = last.Close,
                IndexPrice = last.Close,
                HighPrice24h = day.Max(bar => bar.High),
                LowPrice24h = day.Min(bar => bar.Low),
                Volume24h = day.Sum(bar => bar.Volume),
                Turnover24h = day.Sum(bar => bar.Turnover),
                PriceChange24hFraction = (last.Close - day[0].Open) / day[0].Open,
                OpenInterest = day.Sum(bar => bar.Volume) / 4,
                OpenInterestValue = day.Sum(bar => bar.Volume) / 4 * last.Close,
            },
        };
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found; run from inside the repository.");
    }
}
