using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Messaging.Messages;

/// <summary>The Scanner found a breakout on a closed candle (stream <c>signals</c>).</summary>
/// <param name="SignalId">Deterministic from symbol, strategy, side, level and candle: a replay yields the same id.</param>
/// <param name="ExpiresAt">After this the Executor must reject the signal as stale.</param>
/// <param name="BtcCorrelation">The symbol's return correlation with BTC over the scanner's window (for the risk's
/// <c>correlation_limit</c>); null when unknown (no BTC data, or a message from before the field existed).</param>
public sealed record SignalDetected(
    string SignalId,
    string Symbol,
    PositionDirection Side,
    BreakoutStrategy Strategy,
    decimal LevelPrice,
    decimal Entry,
    decimal Stop,
    double Confidence,
    string PresetName,
    int PresetVersion,
    string Interval,
    DateTimeOffset CandleOpenTime,
    DateTimeOffset DetectedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Reasons,
    double? BtcCorrelation = null) : IMessage
{
    public string MessageId => SignalId;
}
