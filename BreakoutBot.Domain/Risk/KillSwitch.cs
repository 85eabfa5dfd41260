namespace BreakoutBot.Domain.Risk;

/// <summary>
/// The kill switch as a persisted state, not a per-signal veto: Armed → Tripped(reason, at) → (operator reset) → Armed.
/// While tripped it blocks every entry and may demand that all positions be flattened. It never resets itself, however
/// the numbers change afterwards. Immutable: each transition returns the next value.
/// </summary>
public sealed record KillSwitch
{
    public static KillSwitch Armed { get; } = new();

    public KillSwitchState State { get; init; } = KillSwitchState.Armed;

    /// <summary>Why it tripped (first reason wins; later trips while tripped are ignored).</summary>
    public string? Reason { get; init; }

    public DateTimeOffset? TrippedAt { get; init; }

    /// <summary>Whether the trip asked for every open position to be closed.</summary>
    public bool FlattenRequested { get; init; }

    /// <summary>The operator who last reset it, and when.</summary>
    public string? ResetBy { get; init; }

    public DateTimeOffset? ResetAt { get; init; }

    public bool BlocksEntries => State == KillSwitchState.Tripped;

    /// <summary>Trips the switch. Already tripped: refused, and the original reason is kept.</summary>
    public KillSwitchTransition Trip(string reason, DateTimeOffset at, bool flatten)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (State == KillSwitchState.Tripped)
        {
            return KillSwitchTransition.Refused(this, $"already tripped at {TrippedAt:O}: {Reason}");
        }

        return KillSwitchTransition.Accepted(this with
        {
            State = KillSwitchState.Tripped,
            Reason = reason,
            TrippedAt = at,
            FlattenRequested = flatten,
        });
    }

    /// <summary>Re-arms the switch; only a named operator may, and only a tripped switch can be reset.</summary>
    public KillSwitchTransition Reset(string operatorName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(operatorName))
        {
            return KillSwitchTransition.Refused(this, "a reset needs the operator's name");
        }

        if (State == KillSwitchState.Armed)
        {
            return KillSwitchTransition.Refused(this, "the kill switch is armed; there is nothing to reset");
        }

        return KillSwitchTransition.Accepted(new KillSwitch { ResetBy = operatorName.Trim(), ResetAt = at });
    }
}
