namespace BreakoutBot.Messaging.Messages;

/// <summary>The Scanner evaluated a batch of closed candles; the full snapshot is under <c>scan:latest</c>.</summary>
public sealed record ScanCompleted(
    string ScanId,
    DateTimeOffset CandleOpenTime,
    int SymbolsTracked,
    int SymbolsPassed,
    int SignalsEmitted,
    DateTimeOffset At) : IMessage
{
    public string MessageId => ScanId;
}
