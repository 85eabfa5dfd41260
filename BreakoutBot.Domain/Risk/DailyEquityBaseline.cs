namespace BreakoutBot.Domain.Risk;

/// <summary>
/// Equity at the start of the current UTC day, the reference for the daily loss limit. It changes only when the UTC
/// date changes — never on gains or large losses (the original bot re-based on both and so erased the evidence).
/// </summary>
public sealed record DailyEquityBaseline(DateOnly Day, decimal StartEquity)
{
    /// <summary>The baseline for <paramref name="now"/>: this one on the same UTC day, else a new one at <paramref name="equity"/>.</summary>
    public DailyEquityBaseline RollTo(DateTimeOffset now, decimal equity)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return today == Day ? this : new DailyEquityBaseline(today, equity);
    }

    public static DailyEquityBaseline Start(DateTimeOffset now, decimal equity) =>
        new(DateOnly.FromDateTime(now.UtcDateTime), equity);

    /// <summary>Loss since the day started as a positive fraction of the start equity (0 when up on the day).</summary>
    public decimal LossFraction(decimal equity) =>
        StartEquity <= 0 || equity >= StartEquity ? 0 : (StartEquity - equity) / StartEquity;
}
