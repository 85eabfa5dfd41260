using BreakoutBot.Web.Components.Controls;

namespace BreakoutBot.Web.Tests;

public class EngineTransitionsTests
{
    [Theory]
    [InlineData("Stopped", false, true)]
    [InlineData("Stopped", true, false)]
    [InlineData("Running", false, false)]
    [InlineData("Emergency", true, false)]
    [InlineData("Unknown", false, false)]
    public void CanStart_State_OnlyWhenStoppedAndArmed(string state, bool tripped, bool expected) =>
        Assert.Equal(expected, EngineTransitions.CanStart(state, tripped));

    [Fact]
    public void PauseResumeStop_FollowTheExecutorsTable()
    {
        Assert.True(EngineTransitions.CanPause("Running"));
        Assert.False(EngineTransitions.CanPause("Paused"));
        Assert.True(EngineTransitions.CanResume("Paused"));
        Assert.False(EngineTransitions.CanResume("Running"));
        Assert.True(EngineTransitions.CanStop("Paused"));
        Assert.False(EngineTransitions.CanStop("Emergency"));
        Assert.False(EngineTransitions.CanStop("Stopped"));
    }

    [Fact]
    public void Kill_InEmergency_OnlyWithFlatten()
    {
        Assert.True(EngineTransitions.CanKill("Running", flatten: false));
        Assert.False(EngineTransitions.CanKill("Emergency", flatten: false));
        Assert.True(EngineTransitions.CanKill("Emergency", flatten: true));
        Assert.False(EngineTransitions.CanKill("Unknown", flatten: true));
        Assert.True(EngineTransitions.CanResetKillSwitch("Emergency", killSwitchTripped: true));
        Assert.False(EngineTransitions.CanResetKillSwitch("Running", killSwitchTripped: false));
    }
}
