using System.ComponentModel.DataAnnotations;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Scanner;

/// <summary>The <c>Scanner</c> configuration section.</summary>
public sealed class ScannerOptions : IValidatableObject
{
    public const string SectionName = "Scanner";

    /// <summary>Bybit interval name of the evaluated candles: <c>5</c> (minutes, default), <c>15</c>, <c>60</c>...</summary>
    [Required(AllowEmptyStrings = false)]
    public string Interval { get; set; } = "5";

    /// <summary>Closed candles fetched over REST per symbol at start and after a gap (enough for every indicator and level rule).</summary>
    [Range(150, 1000)]
    public int HistoryBars { get; set; } = 300;

    /// <summary>Candles kept per symbol (a ring buffer: memory stays bounded however long the scanner runs).</summary>
    [Range(150, 5000)]
    public int CandleCapacity { get; set; } = 600;

    /// <summary>Bars before the closed candle that level detection looks at.</summary>
    [Range(20, 1000)]
    public int LevelWindowBars { get; set; } = 120;

    /// <summary>After the first close of a bar arrives, how long to wait for the other symbols' closes before evaluating anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CloseBatchWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the universe (instruments, 24h turnover) is re-read.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan UniverseRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A signal older than this (from its candle's close) must not be traded; the Executor rejects it as stale.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan SignalTimeToLive { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Order book depth subscribed per symbol (Bybit: 1, 50, 200, 1000).</summary>
    [AllowedValues(1, 50, 200, 1000)]
    public int OrderBookDepth { get; set; } = 50;

    /// <summary>
    /// How often, per symbol, a streamed book is handed to the signal engine's density memory between closes (the
    /// <c>density_config</c> baseline and walls): at most once per this much book time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan DensitySampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    public CandleInterval ParsedInterval =>
        CandleInterval.TryParseWireName(Interval, out var interval)
            ? interval
            : throw new InvalidOperationException($"Scanner:Interval '{Interval}' is not a Bybit interval name.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CandleInterval.TryParseWireName(Interval, out _))
        {
            yield return new ValidationResult($"Scanner:Interval '{Interval}' is not a Bybit interval name (1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W, M).", [nameof(Interval)]);
        }

        if (CandleCapacity < HistoryBars)
        {
            yield return new ValidationResult($"Scanner:CandleCapacity ({CandleCapacity}) must be at least Scanner:HistoryBars ({HistoryBars}).", [nameof(CandleCapacity)]);
        }
    }
}
