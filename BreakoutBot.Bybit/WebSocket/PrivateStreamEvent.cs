namespace BreakoutBot.Bybit.WebSocket;

/// <summary>Something the private stream delivers; <see cref="ReceivedAt"/> is when this client read it.</summary>
public abstract record PrivateStreamEvent(DateTimeOffset ReceivedAt);
