using System.Globalization;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Backtesting.Tests.Presets;

/// <summary>
/// The measured effect of flipping one preset field, from <c>sim_breakout</c>, over a seeded synthetic market
/// (4 symbols × 2,000 five-minute bars, about a week): the backtests <c>docs/PRESETS.md</c> reports.
/// </summary>
internal static class PresetFieldEffects
{
    public const int Symbols = 4;
    public const int BarsPerSymbol = 2_000;
    public const int Seed = 7;

    public static readonly Lazy<IReadOnlyList<Effect>> All = new(Measure);

    /// <summary>One flip: the field, what it was changed from and to, and the two backtests.</summary>
    public sealed record Effect(string Field, string Change, BacktestResult Before, BacktestResult After);

    private static IReadOnlyList<Effect> Measure()
    {
        var market = Market();
        var shipped = ShippedPresets.All().Single(preset => preset.Name == ShippedPresets.SimulatedMarketName);
        var basePreset = PresetLoader.Load(shipped.Json, shipped.Name + PresetLoader.FileExtension).Preset!;
        var smartRungs = basePreset.PositionConfig with
        {
            TpLevels = [.. basePreset.PositionConfig.TpLevels.Select(level => level with { PlacementMode = TakeProfitPlacementMode.Smart })],
        };
        var flips = new (string Field, string Change, TradingPreset Before, TradingPreset After)[]
        {
            ("position_config.exit_rules.activity_drop_enabled", "false → true", basePreset,
                basePreset with { PositionConfig = basePreset.PositionConfig with { ExitRules = basePreset.PositionConfig.ExitRules with { ActivityDropEnabled = true } } }),
            ("position_config.tp_smart_placement.enabled", "true → false (rungs smart)", basePreset with { PositionConfig = smartRungs },
                basePreset with { PositionConfig = smartRungs with { TpSmartPlacement = smartRungs.TpSmartPlacement with { Enabled = false } } }),
            ("position_config.add_on_enabled", "false → true", basePreset,
                basePreset with { PositionConfig = basePreset.PositionConfig with { AddOnEnabled = true } }),
            ("signal_config.market_quality.flat_market_filter_enabled", "true → false", basePreset,
                basePreset with { SignalConfig = basePreset.SignalConfig with { MarketQuality = basePreset.SignalConfig.MarketQuality with { FlatMarketFilterEnabled = false } } }),
            ("signal_config.market_quality.consolidation_filter_enabled", "true → false", basePreset,
                basePreset with { SignalConfig = basePreset.SignalConfig with { MarketQuality = basePreset.SignalConfig.MarketQuality with { ConsolidationFilterEnabled = false } } }),
            ("signal_config.entry_rules.require_momentum", "true → false (momentum_min_slope_pct 0.5, the other breakout-candle rules off)", WithMomentum(basePreset, true),
                WithMomentum(basePreset, false)),
        };

        var results = new Dictionary<TradingPreset, BacktestResult>(ReferenceEqualityComparer.Instance);
        BacktestResult Run(TradingPreset preset)
        {
            if (!results.TryGetValue(preset, out var result))
            {
                result = new BacktestRunner(new BacktestSettings { Preset = preset, Seed = Seed }).Run(market);
                results[preset] = result;
            }

            return result;
        }

        return [.. flips.Select(flip => new Effect(flip.Field, flip.Change, Run(flip.Before), Run(flip.After)))];
    }

    /// <summary>The momentum check alone among the breakout-candle rules, so that it is what decides a momentum entry.</summary>
    private static TradingPreset WithMomentum(TradingPreset preset, bool required) => preset with
    {
        SignalConfig = preset.SignalConfig with
        {
            EntryRules = preset.SignalConfig.EntryRules with
            {
                RequireMomentum = required, MomentumMinSlopePct = 0.5m, RequireVolumeConfirmation = false, ValidateApproach = false, RequireCleanBreakout = false,
            },
            MarketQuality = preset.SignalConfig.MarketQuality with { ConsolidationFilterEnabled = false },
        },
    };

    private static List<SymbolSeries> Market() => SyntheticSeries.Of([.. SyntheticUniverse.Default.Take(Symbols)], BarsPerSymbol, Seed);

    /// <summary>"trades · net PnL · win rate" of one backtest, for the reference table.</summary>
    public static string Figures(BacktestResult result)
    {
        var net = result.Trades.Sum(trade => trade.NetPnl);
        var wins = result.Trades.Count(trade => trade.NetPnl > 0);
        var winRate = result.Trades.Count == 0 ? 0m : (decimal)wins / result.Trades.Count;
        return string.Create(CultureInfo.InvariantCulture, $"{result.Trades.Count} trades, net {net:0.00} USDT, {winRate:P0} won");
    }
}
