namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// A public connection came back and its topics (<paramref name="Topic"/> is the connection's name) were subscribed again;
/// anything pushed while it was down was missed (klines: re-read the bars over REST).
/// </summary>
public sealed record MarketStreamReconnected(string Topic, DateTimeOffset ReceivedAt, IReadOnlyCollection<string> Topics) : MarketStreamEvent(Topic, ReceivedAt);
