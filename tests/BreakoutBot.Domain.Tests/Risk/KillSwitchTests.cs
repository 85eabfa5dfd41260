using BreakoutBot.Domain.Risk;

namespace BreakoutBot.Domain.Tests.Risk;

public class KillSwitchTests
{
    [Fact]
    public void Trip_WhenArmed_BlocksEntriesAndRecordsReason()
    {
        var transition = KillSwitch.Armed.Trip("daily drawdown 6 %", RiskTestData.Noon, flatten: true);

        Assert.True(transition.IsAccepted);
        Assert.True(transition.Next.BlocksEntries);
        Assert.Equal("daily drawdown 6 %", transition.Next.Reason);
        Assert.Equal(RiskTestData.Noon, transition.Next.TrippedAt);
        Assert.True(transition.Next.FlattenRequested);
    }

    [Fact]
    public void Trip_WhenAlreadyTripped_IsRefusedAndKeepsFirstReason()
    {
        var tripped = KillSwitch.Armed.Trip("first", RiskTestData.Noon, flatten: false).Next;

        var again = tripped.Trip("second", RiskTestData.Noon.AddMinutes(1), flatten: true);

        Assert.False(again.IsAccepted);
        Assert.Equal("first", again.Next.Reason);
        Assert.False(again.Next.FlattenRequested);
        Assert.Contains("already tripped", again.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_ByOperator_RearmsAndRecordsWho()
    {
        var tripped = KillSwitch.Armed.Trip("losses", RiskTestData.Noon, flatten: false).Next;

        var reset = tripped.Reset("alice", RiskTestData.Noon.AddHours(1));

        Assert.True(reset.IsAccepted);
        Assert.Equal(KillSwitchState.Armed, reset.Next.State);
        Assert.False(reset.Next.BlocksEntries);
        Assert.Equal("alice", reset.Next.ResetBy);
        Assert.Null(reset.Next.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reset_WithoutOperatorName_IsRefused(string name)
    {
        var tripped = KillSwitch.Armed.Trip("losses", RiskTestData.Noon, flatten: false).Next;

        var reset = tripped.Reset(name, RiskTestData.Noon);

        Assert.False(reset.IsAccepted);
        Assert.True(reset.Next.BlocksEntries);
    }

    [Fact]
    public void Reset_WhenArmed_IsRefusedNotSilentlyAccepted()
    {
        var reset = KillSwitch.Armed.Reset("alice", RiskTestData.Noon);

        Assert.False(reset.IsAccepted);
        Assert.Contains("nothing to reset", reset.RefusalReason, StringComparison.Ordinal);
    }
}
