using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Restricts the universe to the day's top losers (<c>scanner_config.losers_filter</c>).</summary>
public sealed record LosersFilterConfig
{
    /// <summary><c>enabled</c>.</summary>
    public required bool Enabled { get; init; }

    /// <summary><c>max_24h_change_pct</c>: the 24 h price change must be at or below this, percent in [-100, 0) (-6 = −6 %).</summary>
    public required decimal Max24hChangePct { get; init; }

    /// <summary><c>top_n_losers</c>: keep at most this many symbols, by 24 h change, 1-1000.</summary>
    public required int TopNLosers { get; init; }

    internal static LosersFilterConfig Read(PresetObjectReader json) => new()
    {
        Enabled = json.Bool("enabled"),
        Max24hChangePct = json.Decimal("max_24h_change_pct", DecimalRange.FromBelow(-100m, 0m), PresetUnits.Percent),
        TopNLosers = json.Int("top_n_losers", new IntRange(1, 1000), PresetUnits.Symbols),
    };
}
