using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Restricts the universe to the day's top gainers (<c>scanner_config.gainers_filter</c>).</summary>
public sealed record GainersFilterConfig
{
    /// <summary><c>enabled</c>.</summary>
    public required bool Enabled { get; init; }

    /// <summary><c>min_24h_change_pct</c>: smallest 24 h price change, percent in (0, 1000] (8 = +8 %).</summary>
    public required decimal Min24hChangePct { get; init; }

    /// <summary><c>top_n_gainers</c>: keep at most this many symbols, by 24 h change, 1-1000.</summary>
    public required int TopNGainers { get; init; }

    internal static GainersFilterConfig Read(PresetObjectReader json) => new()
    {
        Enabled = json.Bool("enabled"),
        Min24hChangePct = json.Decimal("min_24h_change_pct", DecimalRange.AboveUpTo(0m, 1000m), PresetUnits.Percent),
        TopNGainers = json.Int("top_n_gainers", new IntRange(1, 1000), PresetUnits.Symbols),
    };
}
