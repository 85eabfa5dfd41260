namespace BreakoutBot.Simulator.Trading;

/// <summary>A request the venue refuses, as Bybit answers it: the retCode and a message for people.</summary>
public sealed record VenueRefusal(int RetCode, string Message);
