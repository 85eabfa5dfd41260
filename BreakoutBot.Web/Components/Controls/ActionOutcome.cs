using BreakoutBot.Contracts.Commands;
using BreakoutBot.Web.ApiClients;

namespace BreakoutBot.Web.Components.Controls;

/// <summary>What an operator action came to: the Executor's acknowledgement, or the problem that stopped it.</summary>
public sealed record ActionOutcome(DateTimeOffset At, string Action, CommandResult? Result, ApiProblem? Problem)
{
    public bool Succeeded => Result is { Accepted: true };

    public string Text => Result is { } result
        ? result.Accepted
            ? $"accepted; engine {result.EngineState}"
            : $"refused: {result.Reason ?? "no reason given"} (engine {result.EngineState})"
        : Problem?.Summary ?? "no answer";

    public static ActionOutcome From(DateTimeOffset at, string action, ApiResult<CommandResult> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ActionOutcome(at, action, result.Value, result.Problem);
    }
}
