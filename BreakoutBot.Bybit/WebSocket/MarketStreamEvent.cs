namespace BreakoutBot.Bybit.WebSocket;

/// <summary>Something the public stream delivers; <see cref="ReceivedAt"/> is when this client read it.</summary>
public abstract record MarketStreamEvent(string Topic, DateTimeOffset ReceivedAt);
