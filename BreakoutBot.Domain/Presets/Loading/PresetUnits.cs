namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>
/// The unit phrases used in validation messages. The original presets mixed fractions, percents and basis points
/// (a field named <c>*_pct</c> could hold either), so every message says which one a field takes.
/// </summary>
internal static class PresetUnits
{
    public const string FractionOfEquity = "fraction of account equity, 0.01 = 1 %";
    public const string FractionOfPrice = "fraction of price, 0.002 = 0.2 %";
    public const string FractionOfLevelPrice = "fraction of the level price, 0.002 = 0.2 %";
    public const string FractionOfOriginalQuantity = "fraction of the position's original quantity, 0.25 = 25 %";
    public const string FractionOfPositionQuantity = "fraction of the open position's quantity, 0.3 = 30 %";
    public const string FractionOfDepth = "fraction of the visible depth within 5 bps, 0.25 = 25 %";
    public const string Fraction = "fraction, 0.5 = 50 %";
    public const string BodyRatio = "candle body / candle range, 0.3 = 30 %";
    public const string Percent = "percent, 0.5 = 0.5 %";
    public const string PercentPerBar = "percent per bar, 1.5 = 1.5 %";
    public const string Percentile = "percentile rank of the current Bollinger width over the candle history, 0-100";
    public const string Bps = "basis points, 1 bps = 0.01 %";
    public const string Usd = "USD notional";
    public const string Price = "price in USDT";
    public const string Correlation = "absolute Pearson correlation with BTC, 0-1";
    public const string Imbalance = "order-book imbalance (bid - ask) / (bid + ask) over the top 10 levels, which lies in [-1, 1]";
    public const string VolumeMultiple = "multiple of the median volume";
    public const string AtrMultiple = "multiple of ATR(14)";
    public const string VolatilityMultiple = "multiple of the average ATR";
    public const string RMultiple = "multiple of R, the initial stop distance";
    public const string ScoreWeight = "weight of a normalised score component";
    public const string Ratio = "ratio";
    public const string Positions = "open positions";
    public const string Losses = "consecutive losing trades";
    public const string Bars = "candles of the scan timeframe";
    public const string Touches = "touches";
    public const string Levels = "levels";
    public const string Slices = "order slices";
    public const string Symbols = "symbols";
    public const string Candidates = "candidates";
    public const string TradesPerMinute = "trades per minute";
    public const string Ticks = "price ticks";
    public const string Milliseconds = "milliseconds";
    public const string Seconds = "seconds";
    public const string Minutes = "minutes";
    public const string Hours = "hours";
}
