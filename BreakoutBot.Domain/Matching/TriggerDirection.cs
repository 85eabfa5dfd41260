namespace BreakoutBot.Domain.Matching;

/// <summary>Bybit's <c>triggerDirection</c>: which way the reference price must move to reach the trigger.</summary>
public enum TriggerDirection
{
    /// <summary>Wire value 1: fires when the price rises to or above the trigger (e.g. a buy stop above the market).</summary>
    RisesTo = 1,

    /// <summary>Wire value 2: fires when the price falls to or below the trigger (e.g. a sell stop-loss under a long).</summary>
    FallsTo = 2,
}
