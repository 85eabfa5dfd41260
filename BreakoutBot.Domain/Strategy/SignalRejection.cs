namespace BreakoutBot.Domain.Strategy;

/// <summary>One failed condition, for the scanner's diagnostics.</summary>
/// <param name="Strategy">The strategy evaluated, or null when the whole candle was rejected.</param>
/// <param name="LevelPrice">The level evaluated, or null when the whole candle was rejected.</param>
/// <param name="Detail">The measured value against its threshold.</param>
public sealed record SignalRejection(
    BreakoutStrategy? Strategy,
    decimal? LevelPrice,
    SignalRejectionCode Code,
    string Detail);
