namespace BreakoutBot.Data.Scanning;

/// <summary>A periodic summary of the Scanner's work, for history beyond the live snapshot.</summary>
public sealed class ScanSummaryRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset CandleOpenTime { get; set; }

    public int SymbolsTracked { get; set; }

    public int SymbolsPassed { get; set; }

    public int SignalsEmitted { get; set; }

    public double EvaluationMilliseconds { get; set; }

    /// <summary>The top-ranked symbols with their scores, JSON.</summary>
    public required string TopCandidatesJson { get; set; }

    public required string PresetName { get; set; }
}
