using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Scanner;

/// <summary>A signal as the Executor received it, with what became of it.</summary>
/// <param name="Outcome">Approved, Rejected, Stale, Ignored or Failed.</param>
public sealed record SignalView(
    string SignalId,
    string Symbol,
    PositionDirection Side,
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
