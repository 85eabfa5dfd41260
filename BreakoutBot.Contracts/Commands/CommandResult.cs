namespace BreakoutBot.Contracts.Commands;

/// <summary>The body of a 202: the Executor accepted the command and the engine is now in <paramref name="EngineState"/>.</summary>
public sealed record CommandResult(string CommandId, string Kind, bool Accepted, string? Reason, string EngineState, DateTimeOffset AcknowledgedAt);
