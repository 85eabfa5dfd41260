namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// The private connection came back, authenticated and subscribed again. Pushes sent while it was down are lost:
/// re-query open orders, positions and the wallet over REST now (the subscription is already live, so nothing after
/// this point is missed).
/// </summary>
public sealed record PrivateStreamReconnected(DateTimeOffset ReceivedAt) : PrivateStreamEvent(ReceivedAt);
