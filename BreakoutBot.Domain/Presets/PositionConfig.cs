using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>How an open position is managed (<c>position_config</c>): take-profit ladder, stop, breakeven, trailing, exits, add-on.</summary>
public sealed record PositionConfig
{
    /// <summary><c>tp_levels</c>: 1-6 take-profit levels in strictly increasing R whose sizes add up to at most 100 % of the original quantity.</summary>
    public required IReadOnlyList<TakeProfitLevel> TpLevels { get; init; }

    /// <summary><c>tp_smart_placement</c>: rules for <c>smart</c>/<c>adaptive</c> levels.</summary>
    public required TakeProfitSmartPlacement TpSmartPlacement { get; init; }

    /// <summary><c>sl_mode</c>: <c>fixed</c>, <c>chandelier</c> or <c>atr</c>.</summary>
    public required StopLossMode SlMode { get; init; }

    /// <summary><c>chandelier_atr_mult</c>: trailing distance for the chandelier and ATR modes, multiple of ATR in (0, 10].</summary>
    public required decimal ChandelierAtrMult { get; init; }

    /// <summary><c>chandelier_lookback_bars</c>: candles for the highest high / lowest low and the ATR, 2-500.</summary>
    public required int ChandelierLookbackBars { get; init; }

    /// <summary><c>breakeven_enabled</c>: move the stop to entry once the trade reaches <see cref="BreakevenTriggerR"/>.</summary>
    public required bool BreakevenEnabled { get; init; }

    /// <summary><c>breakeven_trigger_r</c>: profit in R that triggers the breakeven move, in (0, 20].</summary>
    public required decimal BreakevenTriggerR { get; init; }

    /// <summary><c>breakeven_buffer_bps</c>: the breakeven stop sits this far on the profit side of entry (covers fees), basis points in [0, 500].</summary>
    public required decimal BreakevenBufferBps { get; init; }

    /// <summary><c>trailing_enabled</c>: trail the stop once the trade reaches <see cref="TrailingActivationR"/>.</summary>
    public required bool TrailingEnabled { get; init; }

    /// <summary><c>trailing_activation_r</c>: profit in R that starts trailing, in (0, 50].</summary>
    public required decimal TrailingActivationR { get; init; }

    /// <summary><c>trailing_step_bps</c>: distance of the step trail (in <c>fixed</c> mode) behind the price, basis points in (0, 1000].</summary>
    public required decimal TrailingStepBps { get; init; }

    /// <summary><c>exit_rules</c>: time stops and early exits.</summary>
    public required ExitRulesConfig ExitRules { get; init; }

    /// <summary><c>add_on_enabled</c>: add once to a winning position that pulled back to its EMA(9) (see <see cref="Positions.AddOnRule"/>), within the first 1 R of risk.</summary>
    public required bool AddOnEnabled { get; init; }

    /// <summary><c>add_on_max_size_pct</c>: size of the add-on as a FRACTION of the open position's quantity, [0, 1] (0.3 = 30 %); &gt; 0 when add-on is enabled.</summary>
    public required decimal AddOnMaxSizePct { get; init; }

    internal static PositionConfig Read(PresetObjectReader json)
    {
        var levels = ReadLadder(json);
        var config = new PositionConfig
        {
            TpLevels = levels ?? [],
            TpSmartPlacement = json.Section("tp_smart_placement", TakeProfitSmartPlacement.Read)!,
            SlMode = json.Choice("sl_mode", PresetChoices.StopLossModes),
            ChandelierAtrMult = json.Decimal("chandelier_atr_mult", DecimalRange.AboveUpTo(0m, 10m), PresetUnits.AtrMultiple),
            ChandelierLookbackBars = json.Int("chandelier_lookback_bars", new IntRange(2, 500), PresetUnits.Bars),
            BreakevenEnabled = json.Bool("breakeven_enabled"),
            BreakevenTriggerR = json.Decimal("breakeven_trigger_r", DecimalRange.AboveUpTo(0m, 20m), PresetUnits.RMultiple),
            BreakevenBufferBps = json.Decimal("breakeven_buffer_bps", DecimalRange.Closed(0m, 500m), PresetUnits.Bps),
            TrailingEnabled = json.Bool("trailing_enabled"),
            TrailingActivationR = json.Decimal("trailing_activation_r", DecimalRange.AboveUpTo(0m, 50m), PresetUnits.RMultiple),
            TrailingStepBps = json.Decimal("trailing_step_bps", DecimalRange.AboveUpTo(0m, 1000m), PresetUnits.Bps),
            ExitRules = json.Section("exit_rules", ExitRulesConfig.Read)!,
            AddOnEnabled = json.Bool("add_on_enabled"),
            AddOnMaxSizePct = json.Decimal("add_on_max_size_pct", DecimalRange.Closed(0m, 1m), PresetUnits.FractionOfPositionQuantity),
        };

        if (json.AreValid("add_on_enabled", "add_on_max_size_pct") && config.AddOnEnabled && config.AddOnMaxSizePct == 0m)
        {
            json.AddError("add_on_max_size_pct", "must be greater than 0 when add_on_enabled is true (an add-on of size 0 does nothing)");
        }

        if (levels is not null && config.TpSmartPlacement is { Enabled: false })
        {
            for (var i = 0; i < levels.Count; i++)
            {
                if (levels[i].PlacementMode != TakeProfitPlacementMode.Fixed)
                {
                    json.AddErrorAt(
                        JsonPaths.Property(JsonPaths.Index(json.PathOf("tp_levels"), i), "placement_mode"),
                        "smart and adaptive placement need tp_smart_placement.enabled = true; use fixed or enable smart placement");
                }
            }
        }

        return config;
    }

    /// <summary>The ladder, or null when it or any of its levels is invalid (then the ladder-wide checks cannot be trusted).</summary>
    private static List<TakeProfitLevel>? ReadLadder(PresetObjectReader json)
    {
        const string Key = "tp_levels";
        var items = json.Array(Key, new IntRange(TakeProfitLadderRules.MinLevels, TakeProfitLadderRules.MaxLevels), "take-profit levels");
        if (items is null)
        {
            return null;
        }

        var levels = new List<TakeProfitLevel>(items.Count);
        var allValid = true;
        foreach (var (value, path) in items)
        {
            var errorsBefore = json.TotalErrorCount;
            var level = json.ReadObject(value, path, TakeProfitLevel.Read);
            allValid &= level is not null && json.TotalErrorCount == errorsBefore;
            if (level is not null)
            {
                levels.Add(level);
            }
        }

        if (!allValid)
        {
            return null;
        }

        TakeProfitLadderRules.Check(json, Key, levels);
        return levels;
    }
}
