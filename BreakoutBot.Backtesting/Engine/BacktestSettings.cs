using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>What a backtest runs: the preset, the evaluated interval, the account and the costs of trading.</summary>
public sealed record BacktestSettings
{
    public required TradingPreset Preset { get; init; }

    /// <summary>The interval the scanner evaluates (its <c>Scanner:Interval</c>); the files' bars are aggregated to it.</summary>
    public CandleInterval Interval { get; init; } = CandleInterval.FiveMinutes;

    public decimal StartingBalance { get; init; } = 10_000m;

    /// <summary>Trading starts with the first bar opening at or after this time; earlier bars only warm the indicators up.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>No bar opening at or after this time is used.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Seeds the intrabar path of a bar that touches both the stop and a target (the simulator's model).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Taker fee as a fraction (0.00055 = 5.5 bps); null takes the preset's <c>taker_fee_bps</c>.</summary>
    public decimal? TakerFeeRate { get; init; }

    /// <summary>Maker fee as a fraction (take-profit limits); null takes the preset's <c>maker_fee_bps</c>.</summary>
    public decimal? MakerFeeRate { get; init; }

    /// <summary>How much worse than the bar's price market entries, stops and market exits fill, in basis points.</summary>
    public decimal SlippageBps { get; init; } = 2m;

    /// <summary>
    /// Leverage of every symbol, as the executor sets it (<c>Executor:Leverage</c>, default 10): an entry whose value at
    /// this leverage, with its taker fee, does not fit the equity the open positions leave free is refused as the venue
    /// refuses it (Bybit's initial-margin check, 110007). Risk is still sized by the stop.
    /// </summary>
    public decimal Leverage { get; init; } = 10m;

    /// <summary>Funding rate per funding interval, signed as Bybit's: positive means longs pay shorts.</summary>
    public decimal FundingRate { get; init; } = 0.0001m;

    /// <summary>Funding is settled at every multiple of this interval in UTC (Bybit's default eight hours).</summary>
    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Bars before the closed one the level detector looks at (the scanner's <c>LevelWindowBars</c>).</summary>
    public int LevelWindowBars { get; init; } = 120;

    /// <summary>Bars kept per symbol for metrics and levels (the scanner's <c>CandleCapacity</c>).</summary>
    public int HistoryBars { get; init; } = 600;

    public decimal EffectiveTakerFeeRate => TakerFeeRate ?? (Preset.ExecutionConfig.TakerFeeBps / 10_000m);

    public decimal EffectiveMakerFeeRate => MakerFeeRate ?? (Preset.ExecutionConfig.MakerFeeBps / 10_000m);
}
