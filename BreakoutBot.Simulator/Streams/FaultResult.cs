namespace BreakoutBot.Simulator.Streams;

/// <summary>What a fault endpoint did: how many connections (or milliseconds) it affected.</summary>
public sealed record FaultResult(int Affected);
