using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Data.Trading;

/// <summary>A signal the Executor received; the primary key makes intake idempotent.</summary>
public sealed class SignalRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    public required string SignalId { get; set; }

    public required string Symbol { get; set; }

    public PositionDirection Side { get; set; }

    public required string Strategy { get; set; }

    public decimal LevelPrice { get; set; }

    public decimal Entry { get; set; }

    public decimal Stop { get; set; }

    public double Confidence { get; set; }

    /// <summary>The symbol's correlation with BTC when the scanner signalled it; null when unknown.</summary>
    public double? BtcCorrelation { get; set; }

    public required string PresetName { get; set; }

    public int PresetVersion { get; set; }

    public DateTimeOffset CandleOpenTime { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public SignalOutcome Outcome { get; set; }

    /// <summary>Why a signal was not traded (risk rejection code and text), null when approved.</summary>
    public string? Reason { get; set; }

    public string? PositionId { get; set; }

    public string? CorrelationId { get; set; }
}
