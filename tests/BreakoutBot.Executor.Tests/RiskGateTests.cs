using BreakoutBot.Data.Engine;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Risk;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Risk;

namespace BreakoutBot.Executor.Tests;

/// <summary>The risk gate on its own: no venue, no database — the decisions and what it persists.</summary>
public sealed class RiskGateTests
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly RiskConfig Limits = new()
    {
        RiskPerTrade = 0.01m,
        MaxConcurrentPositions = 3,
        DailyRiskLimit = 0.03m,
        KillSwitchLossLimit = 0.05m,
        CorrelationLimit = 0.7m,
        MaxConsecutiveLosses = 3,
    };

    private static readonly EntryCandidate Candidate = new(InstrumentSymbol.Parse("ETHUSDT"), PositionDirection.Long, null);

    [Fact]
    public void Trip_Armed_TripsWithReason_ThenKeepsTheFirstReason()
    {
        var gate = new RiskGate();

        var first = gate.Trip("manual kill", Morning, flatten: false);
        var second = gate.Trip("daily drawdown", Morning.AddMinutes(1), flatten: false);

        Assert.Equal(KillSwitchTripOutcome.Tripped, first);
        Assert.Equal(KillSwitchTripOutcome.Unchanged, second);
        Assert.True(gate.BlocksEntries);
        Assert.Equal("manual kill", gate.KillSwitch.Reason);
        Assert.Equal(Morning, gate.KillSwitch.TrippedAt);
        Assert.False(gate.FlattenRequested);
    }

    [Fact]
    public void Trip_AlreadyTrippedWithoutFlatten_AddsTheFlattenOnce()
    {
        var gate = new RiskGate();
        gate.Trip("manual kill", Morning, flatten: false);

        var added = gate.Trip("kill with flatten", Morning.AddMinutes(1), flatten: true);
        var again = gate.Trip("kill with flatten", Morning.AddMinutes(2), flatten: true);

        Assert.Equal(KillSwitchTripOutcome.FlattenAdded, added);
        Assert.Equal(KillSwitchTripOutcome.Unchanged, again);
        Assert.True(gate.FlattenRequested);
        Assert.Equal("manual kill", gate.KillSwitch.Reason);
    }

    [Fact]
    public void Reset_Tripped_RearmsAndClearsTheLosingStreak()
    {
        var gate = new RiskGate();
        gate.RecordTradeResult(-10m);
        gate.RecordTradeResult(-5m);
        gate.Trip("2 losses", Morning, flatten: true);

        var reset = gate.Reset("alice", Morning.AddHours(1));

        Assert.True(reset);
        Assert.False(gate.BlocksEntries);
        Assert.False(gate.FlattenRequested);
        Assert.Equal(0, gate.ConsecutiveLosses);
        Assert.Equal("alice", gate.KillSwitch.ResetBy);
    }

    [Fact]
    public void Reset_AfterADailyLossTrip_TheLossSoFarIsAccepted_AFurtherLimitTripsAgain()
    {
        var gate = new RiskGate();
        gate.ObserveEquity(Morning, 1000m);
        gate.Trip(gate.DailyLossBreach(Limits, 950m)!, Morning.AddHours(1), flatten: true);

        Assert.True(gate.Reset("alice", Morning.AddHours(2), equityNow: 940m));

        Assert.Equal(940m, gate.DayStart!.StartEquity);
        Assert.Null(gate.DailyLossBreach(Limits, 940m));
        Assert.Null(gate.DailyLossBreach(Limits, 893.01m));
        Assert.NotNull(gate.DailyLossBreach(Limits, 893m));
    }

    [Fact]
    public void Reset_EquityUnknown_KeepsTheDayStart()
    {
        var gate = new RiskGate();
        gate.ObserveEquity(Morning, 1000m);
        gate.Trip("manual kill", Morning, flatten: false);

        Assert.True(gate.Reset("alice", Morning.AddHours(1)));

        Assert.Equal(1000m, gate.DayStart!.StartEquity);
    }

    [Fact]
    public void Reset_Armed_RefusedAndKeepsTheStreak()
    {
        var gate = new RiskGate();
        gate.RecordTradeResult(-10m);

        Assert.False(gate.Reset("alice", Morning));
        Assert.Equal(1, gate.ConsecutiveLosses);
    }

    [Fact]
    public void RecordTradeResult_LossesCountUntilANonLosingTrade()
    {
        var gate = new RiskGate();
        gate.RecordTradeResult(-1m);
        gate.RecordTradeResult(-0.01m);
        Assert.Equal(2, gate.ConsecutiveLosses);

        gate.RecordTradeResult(0m);
        Assert.Equal(0, gate.ConsecutiveLosses);
    }

    [Fact]
    public void ObserveEquity_SameUtcDay_KeepsTheBaselineThroughGainsAndLosses_NextDayRebases()
    {
        var gate = new RiskGate();
        gate.ObserveEquity(Morning, 1_000m);
        gate.ObserveEquity(Morning.AddHours(2), 1_200m);
        gate.ObserveEquity(Morning.AddHours(4), 700m);

        Assert.Equal(new DailyEquityBaseline(new DateOnly(2026, 3, 2), 1_000m), gate.DayStart);
        Assert.Equal(1_200m, gate.PeakEquity);
        Assert.Equal(0.5m / 1.2m, gate.DrawdownAt(700m));

        gate.ObserveEquity(Morning.AddHours(16), 750m);

        Assert.Equal(new DailyEquityBaseline(new DateOnly(2026, 3, 3), 750m), gate.DayStart);
        Assert.Equal(1_200m, gate.PeakEquity);
        Assert.Equal(0m, gate.DrawdownAt(1_300m));
    }

    [Fact]
    public void DailyLossBreach_AtTheLimit_NamesIt_BelowOrTrippedOrUnknownDay_Null()
    {
        var unknownDay = new RiskGate();
        Assert.Null(unknownDay.DailyLossBreach(Limits, 1m));

        var gate = new RiskGate();
        gate.ObserveEquity(Morning, 1_000m);
        Assert.Null(gate.DailyLossBreach(Limits, 950.01m));

        var breach = gate.DailyLossBreach(Limits, 950m);
        Assert.NotNull(breach);
        Assert.Contains("kill_switch_loss_limit", breach, StringComparison.Ordinal);

        gate.Trip(breach, Morning, flatten: true);
        Assert.Null(gate.DailyLossBreach(Limits, 900m));
    }

    [Fact]
    public void Portfolio_CarriesTheStreakToTheLimits_WhichRefuseAndAskForATrip()
    {
        var gate = new RiskGate();
        for (var loss = 0; loss < Limits.MaxConsecutiveLosses; loss++)
        {
            gate.RecordTradeResult(-1m);
        }

        var verdict = PortfolioRiskLimits.CheckEntry(Limits, gate.Portfolio(1_000m, [], Morning), Candidate);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(RiskRejectionCode.ConsecutiveLosses, verdict.Rejection);
        Assert.NotNull(verdict.TripReason);
    }

    [Fact]
    public void Portfolio_DayDownPastTheDailyLimit_RefusesEntries()
    {
        var gate = new RiskGate();
        gate.Portfolio(1_000m, [], Morning);

        var verdict = PortfolioRiskLimits.CheckEntry(Limits, gate.Portfolio(969m, [], Morning.AddHours(1)), Candidate);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(RiskRejectionCode.DailyLossLimit, verdict.Rejection);
    }

    [Fact]
    public void WriteTo_ThenLoad_RestoresEverything()
    {
        var gate = new RiskGate();
        gate.ObserveEquity(Morning, 1_000m);
        gate.ObserveEquity(Morning.AddHours(1), 1_100m);
        gate.RecordTradeResult(-3m);
        gate.Trip("manual kill", Morning.AddHours(2), flatten: true);
        var record = new RiskStateRecord { Account = "main" };

        gate.WriteTo(record, Morning.AddHours(3));
        var restored = new RiskGate();
        restored.Load(record);

        Assert.Equal(gate.KillSwitch.State, restored.KillSwitch.State);
        Assert.Equal("manual kill", restored.KillSwitch.Reason);
        Assert.Equal(Morning.AddHours(2), restored.KillSwitch.TrippedAt);
        Assert.True(restored.FlattenRequested);
        Assert.Equal(gate.DayStart, restored.DayStart);
        Assert.Equal(1_100m, restored.PeakEquity);
        Assert.Equal(1, restored.ConsecutiveLosses);
        Assert.Equal(Morning.AddHours(3), record.UpdatedAt);
    }

    [Fact]
    public void FlattenDone_KeepsTheSwitchTripped()
    {
        var gate = new RiskGate();
        gate.Trip("manual kill", Morning, flatten: true);

        gate.FlattenDone();

        Assert.True(gate.BlocksEntries);
        Assert.False(gate.FlattenRequested);
    }

    [Fact]
    public void StartOver_ClearsATrippedRowForANewDayAtTheGivenEquity()
    {
        var record = new RiskStateRecord
        {
            Account = "main",
            TradingDay = new DateOnly(2026, 1, 1),
            DayStartEquity = 5m,
            PeakEquity = 9m,
            ConsecutiveLosses = 4,
            KillSwitchTripped = true,
            KillSwitchReason = "sim drawdown",
            KillSwitchTrippedAt = Morning,
            FlattenPending = true,
        };

        RiskStateRecords.StartOver(record, Morning, 1_000m);
        var gate = new RiskGate();
        gate.Load(record);

        Assert.Equal(new DailyEquityBaseline(new DateOnly(2026, 3, 2), 1_000m), gate.DayStart);
        Assert.Equal(1_000m, gate.PeakEquity);
        Assert.Equal(0, gate.ConsecutiveLosses);
        Assert.False(gate.BlocksEntries);
        Assert.False(gate.FlattenRequested);
        Assert.Null(record.KillSwitchReason);
    }
}
