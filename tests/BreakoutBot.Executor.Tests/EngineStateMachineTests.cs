using BreakoutBot.Executor.Engine;
using BreakoutBot.Messaging.Messages;

namespace BreakoutBot.Executor.Tests;

public sealed class EngineStateMachineTests
{
    [Theory]
    [InlineData(EngineState.Stopped, EngineCommandKind.Start, EngineState.Starting)]
    [InlineData(EngineState.Running, EngineCommandKind.Pause, EngineState.Paused)]
    [InlineData(EngineState.Paused, EngineCommandKind.Resume, EngineState.Running)]
    [InlineData(EngineState.Running, EngineCommandKind.Stop, EngineState.Stopping)]
    [InlineData(EngineState.Paused, EngineCommandKind.Stop, EngineState.Stopping)]
    [InlineData(EngineState.Running, EngineCommandKind.Kill, EngineState.Emergency)]
    [InlineData(EngineState.Stopped, EngineCommandKind.Kill, EngineState.Emergency)]
    [InlineData(EngineState.Paused, EngineCommandKind.Kill, EngineState.Emergency)]
    [InlineData(EngineState.Emergency, EngineCommandKind.ResetKillSwitch, EngineState.Stopped)]
    public void Decide_ValidTransition_Accepted(EngineState from, EngineCommandKind command, EngineState expected)
    {
        var decision = EngineStateMachine.Decide(from, command);

        Assert.True(decision.IsAccepted, decision.Refusal);
        Assert.Equal(expected, decision.Next);
        Assert.Null(decision.Refusal);
    }

    [Theory]
    [InlineData(EngineState.Running, EngineCommandKind.Start)]
    [InlineData(EngineState.Paused, EngineCommandKind.Start)]
    [InlineData(EngineState.Emergency, EngineCommandKind.Start)]
    [InlineData(EngineState.Starting, EngineCommandKind.Start)]
    [InlineData(EngineState.Stopped, EngineCommandKind.Pause)]
    [InlineData(EngineState.Paused, EngineCommandKind.Pause)]
    [InlineData(EngineState.Running, EngineCommandKind.Resume)]
    [InlineData(EngineState.Stopped, EngineCommandKind.Resume)]
    [InlineData(EngineState.Stopped, EngineCommandKind.Stop)]
    [InlineData(EngineState.Emergency, EngineCommandKind.Stop)]
    [InlineData(EngineState.Emergency, EngineCommandKind.Resume)]
    [InlineData(EngineState.Emergency, EngineCommandKind.Kill)]
    [InlineData(EngineState.Running, EngineCommandKind.ResetKillSwitch)]
    [InlineData(EngineState.Stopped, EngineCommandKind.ResetKillSwitch)]
    public void Decide_InvalidTransition_RefusedWithReasonAndStateUnchanged(EngineState from, EngineCommandKind command)
    {
        var decision = EngineStateMachine.Decide(from, command);

        Assert.False(decision.IsAccepted);
        Assert.Equal(from, decision.Next);
        Assert.False(string.IsNullOrWhiteSpace(decision.Refusal));
    }

    [Fact]
    public void Decide_KillWithFlattenWhileInEmergency_AcceptedSoPositionsCanStillBeClosed()
    {
        var decision = EngineStateMachine.Decide(EngineState.Emergency, EngineCommandKind.Kill, flatten: true);

        Assert.True(decision.IsAccepted);
        Assert.Equal(EngineState.Emergency, decision.Next);
    }

    [Theory]
    [InlineData(EngineState.Stopped)]
    [InlineData(EngineState.Running)]
    [InlineData(EngineState.Paused)]
    [InlineData(EngineState.Emergency)]
    public void Decide_PositionCommands_AllowedInEveryStateWithoutChangingIt(EngineState state)
    {
        foreach (var command in new[] { EngineCommandKind.ClosePosition, EngineCommandKind.MoveStopToBreakeven })
        {
            var decision = EngineStateMachine.Decide(state, command);
            Assert.True(decision.IsAccepted);
            Assert.Equal(state, decision.Next);
        }
    }

    [Fact]
    public void Decide_StartFromEmergency_RefusalNamesTheKillSwitch()
    {
        var decision = EngineStateMachine.Decide(EngineState.Emergency, EngineCommandKind.Start);

        Assert.Contains("kill switch", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EngineState.Starting, EngineState.Running)]
    [InlineData(EngineState.Stopping, EngineState.Stopped)]
    [InlineData(EngineState.Paused, EngineState.Paused)]
    public void Settle_TransientState_SettlesToItsEnd(EngineState transient, EngineState expected) =>
        Assert.Equal(expected, EngineStateMachine.Settle(transient));

    [Theory]
    [InlineData(EngineState.Running, true)]
    [InlineData(EngineState.Paused, false)]
    [InlineData(EngineState.Stopped, false)]
    [InlineData(EngineState.Emergency, false)]
    [InlineData(EngineState.Starting, false)]
    public void AcceptsEntries_OnlyWhenRunning(EngineState state, bool expected) =>
        Assert.Equal(expected, EngineStateMachine.AcceptsEntries(state));
}
