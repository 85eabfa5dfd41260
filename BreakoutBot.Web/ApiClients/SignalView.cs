namespace BreakoutBot.Web.ApiClients;

/// <summary>A signal as the Executor received it, with its outcome (Approved, Rejected, Stale, Ignored, Failed).</summary>
public sealed record SignalView(
    string SignalId,
    string Symbol,
    string Side,
    string Strategy,
    decimal LevelPrice,
    decimal Entry,
    decimal Stop,
    double Confidence,
    string PresetName,
    int PresetVersion,
    DateTimeOffset CandleOpenTime,
    DateTimeOffset DetectedAt,
    DateTimeOffset ReceivedAt,
    string Outcome,
    string? Reason,
    string? PositionId);
