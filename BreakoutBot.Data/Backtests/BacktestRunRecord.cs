namespace BreakoutBot.Data.Backtests;

/// <summary>
/// One backtest run (<c>backtest_runs</c>): queued by the Api, claimed and run by the backtester service, which keeps
/// its heartbeat and progress current while it runs and stores the results on the row when it finishes.
/// </summary>
public sealed class BacktestRunRecord
{
    public Guid Id { get; set; }

    public required string PresetName { get; set; }

    public int PresetVersion { get; set; }

    /// <summary>The request with every default filled in (the contract's <c>StartBacktestRequest</c> as JSON).</summary>
    public required string RequestJson { get; set; }

    /// <summary>queued, running, succeeded, failed or cancelled (<c>BacktestRunStatus</c>).</summary>
    public required string Status { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the worker running it last reported; a run whose heartbeat stops is given to another worker.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>How often a worker claimed it (a run that stopped a worker three times fails).</summary>
    public int Attempts { get; set; }

    public long BarsRead { get; set; }

    public long BarsTotal { get; set; }

    /// <summary>Set by a cancel while it runs: the worker stops at its next progress report.</summary>
    public bool CancelRequested { get; set; }

    public string? Error { get; set; }

    /// <summary>The contract's <c>BacktestFigures</c> as JSON once it succeeded.</summary>
    public string? FiguresJson { get; set; }

    /// <summary>The contract's thinned <c>BacktestEquityPoint</c> list as JSON.</summary>
    public string? EquityJson { get; set; }

    /// <summary>The contract's <c>BacktestTradeRow</c> list as JSON (the first 5,000).</summary>
    public string? TradesJson { get; set; }

    public bool TradesTruncated { get; set; }

    /// <summary>The self-contained HTML report (the CLI's <c>report.html</c>).</summary>
    public string? ReportHtml { get; set; }
}
