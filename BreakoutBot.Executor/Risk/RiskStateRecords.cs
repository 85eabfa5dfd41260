using BreakoutBot.Data.Engine;
using BreakoutBot.Domain.Risk;

namespace BreakoutBot.Executor.Risk;

/// <summary>The <see cref="RiskGate"/>'s state in the account's <see cref="RiskStateRecord"/>: new rows, loading and writing back.</summary>
public static class RiskStateRecords
{
    /// <summary>A fresh risk row for an account seen for the first time (or starting over in another mode).</summary>
    public static RiskStateRecord NewRecord(string account, DateTimeOffset now, decimal equity)
    {
        var record = new RiskStateRecord { Account = account };
        StartOver(record, now, equity);
        return record;
    }

    /// <summary>Resets a stored row: a new day at <paramref name="equity"/>, no streak, the kill switch armed.</summary>
    public static void StartOver(RiskStateRecord record, DateTimeOffset now, decimal equity)
    {
        ArgumentNullException.ThrowIfNull(record);
        (record.TradingDay, record.DayStartEquity, record.PeakEquity, record.ConsecutiveLosses, record.UpdatedAt) =
            (DateOnly.FromDateTime(now.UtcDateTime), equity, equity, 0, now);
        (record.KillSwitchTripped, record.KillSwitchReason, record.KillSwitchTrippedAt, record.FlattenPending) = (false, null, null, false);
    }

    /// <summary>Loads the persisted state into the gate.</summary>
    public static void Load(this RiskGate gate, RiskStateRecord record)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(record);
        var killSwitch = record.KillSwitchTripped
            ? KillSwitch.Armed with
            {
                State = KillSwitchState.Tripped,
                Reason = record.KillSwitchReason,
                TrippedAt = record.KillSwitchTrippedAt,
                FlattenRequested = record.FlattenPending,
            }
            : KillSwitch.Armed;
        gate.Restore(killSwitch, new DailyEquityBaseline(record.TradingDay, record.DayStartEquity), record.PeakEquity, record.ConsecutiveLosses);
    }

    /// <summary>Writes the gate's state into the row of the caller's unit of work.</summary>
    public static void WriteTo(this RiskGate gate, RiskStateRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(record);
        if (gate.DayStart is { } dayStart)
        {
            record.TradingDay = dayStart.Day;
            record.DayStartEquity = dayStart.StartEquity;
        }

        record.PeakEquity = gate.PeakEquity;
        record.KillSwitchTripped = gate.KillSwitch.BlocksEntries;
        record.KillSwitchReason = gate.KillSwitch.Reason;
        record.KillSwitchTrippedAt = gate.KillSwitch.TrippedAt;
        record.FlattenPending = gate.KillSwitch.FlattenRequested;
        record.ConsecutiveLosses = gate.ConsecutiveLosses;
        record.UpdatedAt = now;
    }
}
