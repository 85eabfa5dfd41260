namespace BreakoutBot.Domain.Presets;

/// <summary>
/// The components of the scanner's score that a preset can weight (<c>scanner_config.score_weights</c>). These
/// are the only components the original scorer computed; it silently scored any other key as zero.
/// </summary>
public enum ScoreComponent
{
    /// <summary><c>vol_surge</c>: blend of the 1 h and 5 m volume surge ratios.</summary>
    VolSurge,

    /// <summary><c>oi_delta</c>: 24 h open-interest change.</summary>
    OiDelta,

    /// <summary><c>atr_quality</c>: how close ATR/price is to the preferred volatility band.</summary>
    AtrQuality,

    /// <summary><c>correlation</c>: preference for a moderate correlation with BTC.</summary>
    Correlation,

    /// <summary><c>trades_per_minute</c>: log of the trade rate.</summary>
    TradesPerMinute,

    /// <summary><c>gainers_momentum</c>: recent price change plus volume acceleration over the last five candles.</summary>
    GainersMomentum,
}
