namespace BreakoutBot.Domain.Scanning;

/// <summary>Filter names: the preset keys of their thresholds, so a failure points at the setting to change.</summary>
public static class ScanFilterNames
{
    public const string Min24hVolumeUsd = "min_24h_volume_usd";
    public const string MinOiUsd = "min_oi_usd";
    public const string MaxSpreadBps = "max_spread_bps";
    public const string MinDepthUsd0_5Pct = "min_depth_usd_0_5pct";
    public const string MinDepthUsd0_3Pct = "min_depth_usd_0_3pct";
    public const string MinTradesPerMinute = "min_trades_per_minute";
    public const string AtrRangeMin = "atr_range_min";
    public const string AtrRangeMax = "atr_range_max";
    public const string BbWidthPercentileMax = "bb_width_percentile_max";
    public const string VolumeSurge1hMin = "volume_surge_1h_min";
    public const string VolumeSurge5mMin = "volume_surge_5m_min";
    public const string OiDeltaThreshold = "oi_delta_threshold";

    /// <summary>The reason of a filter whose metric is null.</summary>
    public const string NoData = "no data";

    /// <summary>The reason of a filter the caller's data cannot feed (see <see cref="ScanFilters"/>): it passes, and says so.</summary>
    public const string NotEvaluated = "not evaluated: the data does not carry this input";

    /// <summary>The filters klines alone cannot feed: they need the order book, the trade tape or open interest.</summary>
    public static IReadOnlySet<string> NeedMoreThanKlines { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MinOiUsd, MaxSpreadBps, MinDepthUsd0_5Pct, MinDepthUsd0_3Pct, MinTradesPerMinute, OiDeltaThreshold,
    };
}
