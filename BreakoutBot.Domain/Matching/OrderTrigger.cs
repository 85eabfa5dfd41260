namespace BreakoutBot.Domain.Matching;

/// <summary>The condition that turns an untriggered (conditional) order into a live one.</summary>
public sealed record OrderTrigger(decimal Price, TriggerDirection Direction, TriggerSource Source)
{
    /// <summary>True when <paramref name="referencePrice"/> has reached the trigger in <see cref="Direction"/>.</summary>
    public bool IsReachedBy(decimal referencePrice) =>
        Direction == TriggerDirection.RisesTo ? referencePrice >= Price : referencePrice <= Price;
}
