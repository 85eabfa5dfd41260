using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Tests.Strategy;

/// <summary>Hand-built 5-minute candle paths around a level at 100 USDT, and the breakout_v1 signal settings.</summary>
internal static class StrategyTestData
{
    public const decimal Level = 100m;

    public static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan BarLength = TimeSpan.FromMinutes(5);

    public static readonly Instrument TestInstrument =
        new(InstrumentSymbol.Parse("TESTUSDT"), "TEST", "USDT", ContractStatus.Trading, 0.01m, 0.01m, 1_000_000m, 0.1m, 0.1m, 100_000m, 50_000m, 5m, 50m);

    private static readonly Lazy<TradingPreset> Preset = new(() =>
        PresetLoader.LoadFile(Path.Combine(RepositoryPaths.ShippedPresets, "breakout_v1.json")).Preset
        ?? throw new InvalidOperationException("presets/breakout_v1.json does not load."));

    /// <summary>breakout_v1: volume ≥ 1.4x, body ≥ 0.3, epsilon 0.12 %, retest zone 0.2 % and pierce 0.35 ATR, imbalance 0.15, VWAP 2 ATR, momentum first.</summary>
    /// <summary>The preset's core signal rules, without its entry rules and market-quality filters (tested on their own).</summary>
    public static SignalRules Rules() => SignalRules.FromPreset(Preset.Value) with { EntryRules = null, MarketQuality = null };

    /// <summary>The preset's rules with every entry rule and market-quality filter off: a test turns on the one it is about.</summary>
    public static SignalRules RulesWithConditionsOff()
    {
        var config = Preset.Value.SignalConfig;
        return SignalRules.FromPreset(Preset.Value) with
        {
            EntryRules = config.EntryRules with
            {
                RequireVolumeConfirmation = false, RequireDensityConfirmation = false, RequireMomentum = false, ValidateApproach = false,
                RequireCleanBreakout = false, AvoidSessionStartMinutes = 0, AvoidSessionEndMinutes = 0,
            },
            MarketQuality = config.MarketQuality with
            {
                FlatMarketFilterEnabled = false, ConsolidationFilterEnabled = false, RequireStableVolatility = false, RequireClearTrend = false,
                NoiseFilterEnabled = false,
            },
        };
    }

    public static LevelsRules PresetLevelsRules() => Preset.Value.LevelsRules;

    public static HorizontalLevel LevelAt(decimal price, double strength = 0.5) =>
        new(price, 3, Start, Start.AddHours(1), strength);

    public static Candle Bar(int index, decimal open, decimal high, decimal low, decimal close, decimal volume = 100m, bool closed = true) =>
        new(CandleInterval.FiveMinutes, Start + (BarLength * index), open, high, low, close, volume, volume * close, closed);

    /// <summary>
    /// Bars 0..count-1 ranging 98.4-99.6 under the level, closes alternating 99.5 / 98.5, volume 100: a quiet range
    /// whose ATR settles at 1.2.
    /// </summary>
    public static List<Candle> ConsolidationBelow(int count = 30)
    {
        var candles = new List<Candle>(count);
        for (var i = 0; i < count; i++)
        {
            candles.Add(i % 2 == 0
                ? Bar(i, 98.5m, 99.6m, 98.4m, 99.5m)
                : Bar(i, 99.5m, 99.6m, 98.4m, 98.5m));
        }

        return candles;
    }

    /// <summary>
    /// A green bar from 99.6 to 100.25 (body 0.65 of range 0.8) with <paramref name="volume"/>: a fresh cross of 100,
    /// closing 25 bps beyond it (epsilon is 12 bps, the entry cap 30 bps).
    /// </summary>
    public static Candle BreakoutBar(int index, decimal volume = 300m, bool closed = true) =>
        Bar(index, 99.6m, 100.3m, 99.5m, 100.25m, volume, closed);

    /// <summary>A green bar holding above the level: low 100.5.</summary>
    public static Candle AboveBar(int index, decimal volume = 100m) => Bar(index, 100.6m, 101.2m, 100.5m, 101.0m, volume);

    /// <summary>The same bar reflected about the level (price p becomes 200 − p): a long setup becomes a short one.</summary>
    public static Candle Mirror(Candle candle) =>
        new(candle.Interval, candle.OpenTime, 200m - candle.Open, 200m - candle.Low, 200m - candle.High, 200m - candle.Close,
            candle.Volume, candle.Turnover, candle.IsClosed);

    public static OrderBookSnapshot Book(decimal bestBid, decimal bestAsk, decimal bidQuantity, decimal askQuantity) =>
        new(TestInstrument.Symbol, [new PriceLevel(bestBid, bidQuantity)], [new PriceLevel(bestAsk, askQuantity)], Start);

    public static List<SignalEvaluation> Feed(SignalEngine engine, IEnumerable<Candle> candles, IReadOnlyList<HorizontalLevel> levels) =>
        [.. candles.Select(candle => engine.Evaluate(candle, levels))];
}
