namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// A private push could not be decoded (logged and counted); its content is unknown, so treat it like a reconnect:
/// re-query orders and positions over REST.
/// </summary>
public sealed record PrivatePayloadRejected(DateTimeOffset ReceivedAt, string Topic) : PrivateStreamEvent(ReceivedAt);
