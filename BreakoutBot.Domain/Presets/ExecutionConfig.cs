using System.Globalization;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>How entry orders are worked (<c>execution_config</c>).</summary>
public sealed record ExecutionConfig
{
    /// <summary><c>enable_twap</c>: split an entry into slices sent <see cref="TwapIntervalSeconds"/> apart.</summary>
    public required bool EnableTwap { get; init; }

    /// <summary><c>enable_iceberg</c>: send slices as passive post-only limit orders while the spread is at most <see cref="SpreadWidenBps"/>; otherwise market orders.</summary>
    public required bool EnableIceberg { get; init; }

    /// <summary><c>max_depth_fraction</c>: largest slice as a fraction of the visible depth within 5 bps, (0, 1].</summary>
    public required decimal MaxDepthFraction { get; init; }

    /// <summary><c>twap_min_slices</c>: slices at least, 1-50.</summary>
    public required int TwapMinSlices { get; init; }

    /// <summary><c>twap_max_slices</c>: slices at most, 1-50, at least <see cref="TwapMinSlices"/>.</summary>
    public required int TwapMaxSlices { get; init; }

    /// <summary><c>twap_interval_seconds</c>: pause between slices, seconds in (0, 60].</summary>
    public required decimal TwapIntervalSeconds { get; init; }

    /// <summary><c>iceberg_min_notional</c>: entries below this notional go out as one order, USD &gt; 0.</summary>
    public required decimal IcebergMinNotional { get; init; }

    /// <summary><c>limit_offset_bps</c>: passive limit price behind the best bid (buy) or ask (sell), basis points in [0, 100].</summary>
    public required decimal LimitOffsetBps { get; init; }

    /// <summary><c>spread_widen_bps</c>: above this spread, slices go out as market orders, basis points in (0, 1000].</summary>
    public required decimal SpreadWidenBps { get; init; }

    /// <summary>
    /// <c>deadman_timeout_ms</c>: an entry stops sending slices after this long, milliseconds in [100, 600000]. With TWAP on it must exceed
    /// (<see cref="TwapMinSlices"/> − 1) × <see cref="TwapIntervalSeconds"/>, or every entry is cut short.
    /// </summary>
    public required int DeadmanTimeoutMs { get; init; }

    /// <summary><c>taker_fee_bps</c>: assumed taker fee for sizing and simulation, basis points in [0, 100] (Bybit base tier: 5.5).</summary>
    public required decimal TakerFeeBps { get; init; }

    /// <summary><c>maker_fee_bps</c>: assumed maker fee, basis points in [-10, 100]; negative for a rebate (Bybit base tier: 2).</summary>
    public required decimal MakerFeeBps { get; init; }

    internal static ExecutionConfig Read(PresetObjectReader json)
    {
        var config = new ExecutionConfig
        {
            EnableTwap = json.Bool("enable_twap"),
            EnableIceberg = json.Bool("enable_iceberg"),
            MaxDepthFraction = json.Decimal("max_depth_fraction", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.FractionOfDepth),
            TwapMinSlices = json.Int("twap_min_slices", new IntRange(1, 50), PresetUnits.Slices),
            TwapMaxSlices = json.Int("twap_max_slices", new IntRange(1, 50), PresetUnits.Slices),
            TwapIntervalSeconds = json.Decimal("twap_interval_seconds", DecimalRange.AboveUpTo(0m, 60m), PresetUnits.Seconds),
            IcebergMinNotional = json.Decimal("iceberg_min_notional", DecimalRange.Positive, PresetUnits.Usd),
            LimitOffsetBps = json.Decimal("limit_offset_bps", DecimalRange.Closed(0m, 100m), PresetUnits.Bps),
            SpreadWidenBps = json.Decimal("spread_widen_bps", DecimalRange.AboveUpTo(0m, 1000m), PresetUnits.Bps),
            DeadmanTimeoutMs = json.Int("deadman_timeout_ms", new IntRange(100, 600_000), PresetUnits.Milliseconds),
            TakerFeeBps = json.Decimal("taker_fee_bps", DecimalRange.Closed(0m, 100m), PresetUnits.Bps),
            MakerFeeBps = json.Decimal("maker_fee_bps", DecimalRange.Closed(-10m, 100m), PresetUnits.Bps),
        };

        if (json.AreValid("twap_min_slices", "twap_max_slices") && config.TwapMaxSlices < config.TwapMinSlices)
        {
            json.AddError("twap_max_slices", string.Create(
                CultureInfo.InvariantCulture,
                $"must be at least twap_min_slices ({config.TwapMinSlices}); got {config.TwapMaxSlices}"));
        }

        // The original stopped slicing once the deadman expired, so with these presets every TWAP entry was
        // systematically partial (60-80 % filled) while the bot believed it held the full size.
        var minimumTwapMs = (config.TwapMinSlices - 1) * config.TwapIntervalSeconds * 1000m;
        if (config.EnableTwap &&
            json.AreValid("enable_twap", "twap_min_slices", "twap_interval_seconds", "deadman_timeout_ms") &&
            config.DeadmanTimeoutMs <= minimumTwapMs)
        {
            json.AddError("deadman_timeout_ms", string.Create(
                CultureInfo.InvariantCulture,
                $"must be longer than the shortest TWAP entry, (twap_min_slices - 1) x twap_interval_seconds = {minimumTwapMs:0.###} ms, or every entry is cut short; got {config.DeadmanTimeoutMs}"));
        }

        return config;
    }
}
