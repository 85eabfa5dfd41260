namespace BreakoutBot.Domain.Matching;

/// <summary>Something the venue would publish, in the order it happened: executions and order updates.</summary>
public abstract record MatchingEvent(DateTimeOffset Time);
