namespace BreakoutBot.Domain.Risk;

/// <summary>The two states of the kill switch.</summary>
public enum KillSwitchState
{
    /// <summary>Watching; entries allowed.</summary>
    Armed,

    /// <summary>Fired; entries blocked until an operator resets it.</summary>
    Tripped,
}
