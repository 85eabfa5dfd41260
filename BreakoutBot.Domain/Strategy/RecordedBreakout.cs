using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

/// <summary>A closed candle crossed <paramref name="LevelPrice"/> in <paramref name="Direction"/>; retests look these up.</summary>
/// <param name="Time">Close time of the crossing candle.</param>
public sealed record RecordedBreakout(decimal LevelPrice, PositionDirection Direction, DateTimeOffset Time);
