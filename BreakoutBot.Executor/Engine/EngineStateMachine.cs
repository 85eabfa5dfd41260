using BreakoutBot.Messaging.Messages;

namespace BreakoutBot.Executor.Engine;

/// <summary>
/// The engine's transition table: Stopped → Starting → Running ⇄ Paused → Stopping → Stopped, and Emergency (the kill
/// switch) from anywhere, left only by a reset (to Stopped). An invalid transition is a refusal with a reason, never a
/// silent success. Position commands (close, breakeven) do not change the engine state; they are allowed in every
/// state because a position must stay manageable however the engine stands.
/// </summary>
public static class EngineStateMachine
{
    public static EngineDecision Decide(EngineState current, EngineCommandKind command, bool flatten = false) => command switch
    {
        EngineCommandKind.Start => current switch
        {
            EngineState.Stopped => EngineDecision.Accept(EngineState.Starting),
            EngineState.Emergency => EngineDecision.Refuse(current, "the kill switch is tripped; reset it before starting"),
            EngineState.Running or EngineState.Paused => EngineDecision.Refuse(current, $"the engine is already {Name(current)}"),
            _ => EngineDecision.Refuse(current, $"the engine is {Name(current)}; wait until it has settled"),
        },
        EngineCommandKind.Pause => current == EngineState.Running
            ? EngineDecision.Accept(EngineState.Paused)
            : EngineDecision.Refuse(current, $"only a running engine can be paused; it is {Name(current)}"),
        EngineCommandKind.Resume => current == EngineState.Paused
            ? EngineDecision.Accept(EngineState.Running)
            : EngineDecision.Refuse(current, $"only a paused engine can be resumed; it is {Name(current)}"),
        EngineCommandKind.Stop => current switch
        {
            EngineState.Running or EngineState.Paused => EngineDecision.Accept(EngineState.Stopping),
            EngineState.Emergency => EngineDecision.Refuse(current, "the kill switch is tripped; only reset-kill-switch leaves the emergency state"),
            EngineState.Stopped => EngineDecision.Refuse(current, "the engine is already stopped"),
            _ => EngineDecision.Refuse(current, $"the engine is {Name(current)}; wait until it has settled"),
        },
        EngineCommandKind.Kill => current == EngineState.Emergency && !flatten
            ? EngineDecision.Refuse(current, "the kill switch is already tripped (send kill with flatten to close everything)")
            : EngineDecision.Accept(EngineState.Emergency),
        EngineCommandKind.ResetKillSwitch => current == EngineState.Emergency
            ? EngineDecision.Accept(EngineState.Stopped)
            : EngineDecision.Refuse(current, "the kill switch is armed; there is nothing to reset"),
        EngineCommandKind.ClosePosition or EngineCommandKind.MoveStopToBreakeven => EngineDecision.Accept(current),
        _ => EngineDecision.Refuse(current, $"unknown command {command}"),
    };

    /// <summary>Where a transient state settles: Starting → Running, Stopping → Stopped.</summary>
    public static EngineState Settle(EngineState transient) => transient switch
    {
        EngineState.Starting => EngineState.Running,
        EngineState.Stopping => EngineState.Stopped,
        _ => transient,
    };

    /// <summary>Whether a new entry may be sent in <paramref name="state"/>.</summary>
    public static bool AcceptsEntries(EngineState state) => state == EngineState.Running;

    public static string Name(EngineState state) => state.ToString().ToLowerInvariant();
}
