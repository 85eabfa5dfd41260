namespace BreakoutBot.Scanner.Market;

/// <summary>What <see cref="CandleRing.Append"/> did with a candle.</summary>
public enum CandleAppendResult
{
    /// <summary>The next bar: stored.</summary>
    Appended,

    /// <summary>Already stored (a repeated push): nothing changed.</summary>
    Duplicate,

    /// <summary>Bars are missing between the last stored bar and this one: back-fill over REST.</summary>
    Gap,

    /// <summary>Not a closed candle of this interval.</summary>
    Ignored,
}
