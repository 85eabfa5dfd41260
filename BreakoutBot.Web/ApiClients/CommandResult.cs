namespace BreakoutBot.Web.ApiClients;

/// <summary>The Executor's acknowledgement of a command (the body of the Api's 202).</summary>
public sealed record CommandResult(string CommandId, string Kind, bool Accepted, string? Reason, string EngineState, DateTimeOffset AcknowledgedAt);
