namespace BreakoutBot.Contracts.Engine;

/// <summary>Body of <c>POST /api/engine/kill</c>: trip the kill switch, and with <paramref name="Flatten"/> close everything.</summary>
public sealed record KillEngineRequest(bool Flatten);
