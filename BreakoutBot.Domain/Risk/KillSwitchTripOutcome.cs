namespace BreakoutBot.Domain.Risk;

/// <summary>What a trip of the kill switch changed, so the caller records exactly that and nothing more.</summary>
public enum KillSwitchTripOutcome
{
    /// <summary>It was armed and is now tripped with this reason.</summary>
    Tripped,

    /// <summary>It was already tripped without a flatten; this trip adds the flatten (the first reason is kept).</summary>
    FlattenAdded,

    /// <summary>It was already tripped with what this trip asked for: nothing changed.</summary>
    Unchanged,
}
