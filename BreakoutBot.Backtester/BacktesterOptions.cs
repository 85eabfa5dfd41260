using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Backtester;

/// <summary>The <c>Backtester</c> configuration section.</summary>
public sealed class BacktesterOptions
{
    public const string SectionName = "Backtester";

    /// <summary>
    /// Where the data sets live: one folder of kline files per data set (<c>DIR/NAME/SYMBOL.csv</c>, as
    /// <c>breakoutbot data download</c> writes them or the simulator's paper-mode recorder records them), and
    /// <c>DIR/synthetic/</c>, the synthetic markets the backtester generated (kept for the next run that asks for the same).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "breakoutbot", "backtests");

    /// <summary>How often an idle worker looks for a queued run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the data directory is looked at for data sets added or removed (the catalog the Api reads).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan DataSetScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a running backtest records its progress (its heartbeat) and checks for a cancel.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
