namespace BreakoutBot.Domain.Backtesting;

/// <summary>Where a backtest run is: queued → running → succeeded, failed or cancelled (the last three are final).</summary>
public static class BacktestRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>True when the run will not change any more.</summary>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Cancelled;
}
