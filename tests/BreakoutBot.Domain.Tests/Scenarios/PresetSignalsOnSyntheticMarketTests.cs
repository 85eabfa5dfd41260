using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Tests.Scenarios;

/// <summary>
/// No shipped preset is dead: on a seeded synthetic market that contains consolidation → breakout episodes, each
/// preset's level rules and signal rules produce breakout signals (the original bot's video_* presets never could).
/// </summary>
public class PresetSignalsOnSyntheticMarketTests
{
    private const int WarmUpBars = 120;
    private const int TradedBars = 1000;
    private const int LevelWindow = 120;
    private const int UniverseSize = 16;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> ShippedPresets() =>
        [.. Directory.GetFiles(RepositoryPaths.ShippedPresets, "*.json").Select(file => Path.GetFileNameWithoutExtension(file)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedPresets))]
    public void SyntheticMarketWithBreakouts_ShippedPreset_YieldsSignals(string presetName)
    {
        var preset = RepositoryPaths.LoadShippedPreset(presetName);

        var rejections = new Dictionary<SignalRejectionCode, int>();
        var signals = Run(preset, seed: 20261126, rejections);

        Assert.True(signals.Count > 0, $"{presetName} produced no signal in {TradedBars} bars; rejections: "
            + string.Join(", ", rejections.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}")));
        Assert.All(signals, signal => Assert.True(signal.RiskPerUnit > 0));
        Assert.Equal(signals.Count, signals.Select(signal => signal.Id).Distinct().Count());
    }

    [Fact]
    public void SameSeed_SamePreset_SameSignals()
    {
        var preset = RepositoryPaths.LoadShippedPreset("breakout_v1");

        Assert.Equal(Run(preset, seed: 5).Select(signal => signal.Id), Run(preset, seed: 5).Select(signal => signal.Id));
    }

    private static List<BreakoutSignal> Run(TradingPreset preset, int seed, Dictionary<SignalRejectionCode, int>? rejections = null)
    {
        // The preset's own universe: its whitelist where it has one (minus its blacklist), else the first 16 symbols.
        var whitelist = preset.ScannerConfig.SymbolWhitelist;
        var blacklist = preset.ScannerConfig.SymbolBlacklist ?? [];
        var symbols = SyntheticUniverse.Default
            .Where(symbol => whitelist is null || whitelist.Contains(symbol.Symbol.Value))
            .Where(symbol => !blacklist.Contains(symbol.Symbol.Value))
            .Take(UniverseSize)
            .ToList();
        var market = new SyntheticMarket(seed, Start, symbols);
        var levelRules = LevelDetectionRules.FromPreset(preset.LevelsRules);
        var signalRules = SignalRules.FromPreset(preset);
        var engines = market.Instruments.Select(instrument => new SignalEngine(instrument, signalRules)).ToArray();
        var atr = market.Instruments.Select(_ => new AverageTrueRange(14)).ToArray();
        var history = market.Instruments.Select(_ => new List<Candle>()).ToArray();
        var signals = new List<BreakoutSignal>();

        for (var bar = 0; bar < WarmUpBars + TradedBars; bar++)
        {
            var candles = market.NextBars();
            for (var s = 0; s < candles.Count; s++)
            {
                var candle = candles[s];
                if (bar >= WarmUpBars)
                {
                    // Levels come from the bars before this one, so the breakout bar is a fresh cross.
                    var window = history[s].GetRange(Math.Max(0, history[s].Count - LevelWindow), Math.Min(LevelWindow, history[s].Count));
                    var levels = LevelDetector.Detect(window, levelRules);
                    var context = new SignalContext(Atr: double.IsNaN(atr[s].Value) ? null : (decimal)atr[s].Value);
                    var evaluation = engines[s].Evaluate(candle, levels, context);
                    if (evaluation.Signal is { } signal)
                    {
                        signals.Add(signal);
                    }

                    foreach (var rejection in rejections is null ? [] : evaluation.Rejections)
                    {
                        rejections![rejection.Code] = rejections.GetValueOrDefault(rejection.Code) + 1;
                    }
                }

                history[s].Add(candle);
                atr[s].Add(new Ohlcv((double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume));
            }
        }

        return signals;
    }
}
