namespace BreakoutBot.Domain.Risk;

/// <summary>The result of asking the kill switch to change: the state after, and why nothing changed if refused.</summary>
public sealed record KillSwitchTransition(bool IsAccepted, KillSwitch Next, string? RefusalReason)
{
    public static KillSwitchTransition Accepted(KillSwitch next) => new(true, next, null);

    public static KillSwitchTransition Refused(KillSwitch unchanged, string reason) => new(false, unchanged, reason);
}
