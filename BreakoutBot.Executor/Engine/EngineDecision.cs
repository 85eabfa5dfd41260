namespace BreakoutBot.Executor.Engine;

/// <summary>The answer of the state machine to a command: accepted with the state to go to, or refused with a reason.</summary>
public sealed record EngineDecision(bool IsAccepted, EngineState Next, string? Refusal)
{
    public static EngineDecision Accept(EngineState next) => new(true, next, null);

    public static EngineDecision Refuse(EngineState unchanged, string reason) => new(false, unchanged, reason);
}
