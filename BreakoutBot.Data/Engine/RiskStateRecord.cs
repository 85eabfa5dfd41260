namespace BreakoutBot.Data.Engine;

/// <summary>Risk memory that must survive restarts: the day's baseline, the kill switch and the loss streak.</summary>
public sealed class RiskStateRecord
{
    public required string Account { get; set; }

    /// <summary>The UTC trading day the baseline belongs to.</summary>
    public DateOnly TradingDay { get; set; }

    public decimal DayStartEquity { get; set; }

    public decimal PeakEquity { get; set; }

    public bool KillSwitchTripped { get; set; }

    public string? KillSwitchReason { get; set; }

    public DateTimeOffset? KillSwitchTrippedAt { get; set; }

    /// <summary>A flatten was asked for with the kill switch and is not done yet: every position is still being closed.</summary>
    public bool FlattenPending { get; set; }

    public int ConsecutiveLosses { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
