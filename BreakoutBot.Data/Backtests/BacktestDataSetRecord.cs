namespace BreakoutBot.Data.Backtests;

/// <summary>
/// A data set the backtester found in its data directory (table <c>backtest_data_sets</c>): the backtester keeps the
/// table equal to what it holds, so the Api can refuse an unknown name when a run is asked for and the console can
/// offer the names.
/// </summary>
public sealed class BacktestDataSetRecord
{
    /// <summary>The folder's name, as a run asks for it.</summary>
    public required string Name { get; set; }

    /// <summary>Kline files in it (one per symbol).</summary>
    public int Symbols { get; set; }

    /// <summary>When the backtester first listed it in this form (its symbol count last changed).</summary>
    public DateTimeOffset ListedAt { get; set; }
}
