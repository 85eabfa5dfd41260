using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Scanner filters on market liquidity (<c>liquidity_filters</c>); a symbol must pass all of them.</summary>
public sealed record LiquidityFilters
{
    /// <summary><c>min_24h_volume_usd</c>: 24 h turnover in USD, &gt; 0.</summary>
    public required decimal Min24hVolumeUsd { get; init; }

    /// <summary><c>min_oi_usd</c>: open interest in USD, &gt; 0; null = no open-interest filter.</summary>
    public decimal? MinOiUsd { get; init; }

    /// <summary><c>max_spread_bps</c>: (ask − bid) / bid in basis points, in (0, 1000].</summary>
    public required decimal MaxSpreadBps { get; init; }

    /// <summary><c>min_depth_usd_0_5pct</c>: bid + ask notional (USD) within 0.5 % of the best prices, &gt; 0.</summary>
    public required decimal MinDepthUsd0_5Pct { get; init; }

    /// <summary><c>min_depth_usd_0_3pct</c>: bid + ask notional (USD) within 0.3 % of the best prices, &gt; 0.</summary>
    public required decimal MinDepthUsd0_3Pct { get; init; }

    /// <summary><c>min_trades_per_minute</c>: public trades per minute, &gt;= 0.</summary>
    public required decimal MinTradesPerMinute { get; init; }

    internal static LiquidityFilters Read(PresetObjectReader json) => new()
    {
        Min24hVolumeUsd = json.Decimal("min_24h_volume_usd", DecimalRange.Positive, PresetUnits.Usd),
        MinOiUsd = json.OptionalDecimal("min_oi_usd", DecimalRange.Positive, PresetUnits.Usd),
        MaxSpreadBps = json.Decimal("max_spread_bps", DecimalRange.AboveUpTo(0m, 1000m), PresetUnits.Bps),
        MinDepthUsd0_5Pct = json.Decimal("min_depth_usd_0_5pct", DecimalRange.Positive, PresetUnits.Usd),
        MinDepthUsd0_3Pct = json.Decimal("min_depth_usd_0_3pct", DecimalRange.Positive, PresetUnits.Usd),
        MinTradesPerMinute = json.Decimal("min_trades_per_minute", DecimalRange.AtLeast(0m), PresetUnits.TradesPerMinute),
    };
}
