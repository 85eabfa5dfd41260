namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Every indicator by its short name (<c>sma</c>, <c>atr</c>, …) with its options. Defaults are the parameters of the
/// full reference series (SuperTrend 10/3, ROC 14, Chandelier 22/3 long).
/// </summary>
public static class IndicatorCatalog
{
    private static readonly IndicatorOption Period20 = new("period", "20", "lookback in bars");
    private static readonly IndicatorOption Period14 = new("period", "14", "lookback in bars");

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("sma", "simple moving average of the close", [Period20],
            value => new SimpleMovingAverage(Int(value, "period"))),
        new("ema", "exponential moving average of the close (SMA-seeded)", [Period20],
            value => new ExponentialMovingAverage(Int(value, "period"))),
        new("atr", "Wilder's average true range, with true range and ATR %", [Period14],
            value => new AverageTrueRange(Int(value, "period"))),
        new("bollinger", "Bollinger Bands (population standard deviation)",
            [Period20, new("multiplier", "2", "standard deviations")],
            value => new BollingerBands(Int(value, "period"), Number(value, "multiplier"))),
        new("donchian", "Donchian channels of the previous bars", [Period20],
            value => new DonchianChannels(Int(value, "period"))),
        new("keltner", "Keltner channels: EMA ± multiplier × ATR",
            [new("period", "20", "EMA lookback"), new("multiplier", "2", "ATR multiple"), new("atr-period", "10", "ATR lookback")],
            value => new KeltnerChannels(Int(value, "period"), Number(value, "multiplier"), Int(value, "atr-period"))),
        new("vwap", "volume-weighted average price anchored at the first bar", [],
            _ => new VolumeWeightedAveragePrice()),
        new("rsi", "Wilder's relative strength index", [Period14],
            value => new RelativeStrengthIndex(Int(value, "period"))),
        new("adx", "average directional index with +DI, −DI, DX and ADXR", [Period14],
            value => new AverageDirectionalIndex(Int(value, "period"))),
        new("obv", "on-balance volume", [],
            _ => new OnBalanceVolume()),
        new("chandelier", "Chandelier exit",
            [new("period", "22", "lookback in bars"), new("multiplier", "3", "ATR multiple"), new("direction", "long", "long or short")],
            value => new ChandelierExit(Int(value, "period"), Number(value, "multiplier"), IndicatorDefinition.ParseDirection("direction", value("direction")))),
        new("supertrend", "SuperTrend",
            [new("period", "10", "ATR lookback"), new("multiplier", "3", "ATR multiple")],
            value => new SuperTrend(Int(value, "period"), Number(value, "multiplier"))),
        new("macd", "moving average convergence/divergence",
            [new("fast-period", "12", "fast EMA"), new("slow-period", "26", "slow EMA"), new("signal-period", "9", "signal EMA")],
            value => new Macd(Int(value, "fast-period"), Int(value, "slow-period"), Int(value, "signal-period"))),
        new("stoch", "stochastic oscillator with SMA smoothing",
            [Period14, new("signal-period", "3", "%D smoothing"), new("smooth-period", "3", "%K smoothing")],
            value => new Stochastic(Int(value, "period"), Int(value, "signal-period"), Int(value, "smooth-period"))),
        new("roc", "rate of change", [Period14],
            value => new RateOfChange(Int(value, "period"))),
    ];

    public static IndicatorDefinition? Find(string name) =>
        All.FirstOrDefault(definition => string.Equals(definition.Name, name, StringComparison.OrdinalIgnoreCase));

    private static int Int(Func<string, string> value, string option) => IndicatorDefinition.ParseInteger(option, value(option));

    private static double Number(Func<string, string> value, string option) => IndicatorDefinition.ParseNumber(option, value(option));
}
