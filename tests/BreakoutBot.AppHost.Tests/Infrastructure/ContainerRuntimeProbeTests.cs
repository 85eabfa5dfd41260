using BreakoutBot.AppHost.Infrastructure;

namespace BreakoutBot.AppHost.Tests.Infrastructure;

public class ContainerRuntimeProbeTests
{
    [Fact]
    public void Probe_RuntimeNotInstalled_IsUnhealthy()
    {
        var status = new ContainerRuntimeProbe("breakoutbot-no-such-runtime", TimeSpan.FromSeconds(5)).Probe();

        Assert.False(status.IsHealthy);
        Assert.Equal("breakoutbot-no-such-runtime: not installed", status.Description);
    }

    [Fact]
    public void Probe_RuntimeAnswersWithVersion_IsHealthy()
    {
        using var scratch = new ScratchDirectory();
        var runtime = scratch.AddExecutable("fake-runtime", "#!/bin/sh\necho 27.1.0\n");

        var status = new ContainerRuntimeProbe(runtime, TimeSpan.FromSeconds(10)).Probe();

        Assert.True(status.IsHealthy, status.Description);
        Assert.Contains("27.1.0", status.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_EngineDown_IsUnhealthy()
    {
        using var scratch = new ScratchDirectory();
        var runtime = scratch.AddExecutable("fake-runtime", "#!/bin/sh\necho 'Cannot connect to the daemon' >&2\nexit 1\n");

        var status = new ContainerRuntimeProbe(runtime, TimeSpan.FromSeconds(10)).Probe();

        Assert.False(status.IsHealthy);
        Assert.Contains("engine not running", status.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_EngineHangs_GivesUpAtTimeout()
    {
        using var scratch = new ScratchDirectory();
        var runtime = scratch.AddExecutable("fake-runtime", "#!/bin/sh\nexec sleep 30\n");

        var status = new ContainerRuntimeProbe(runtime, TimeSpan.FromMilliseconds(500)).Probe();

        Assert.False(status.IsHealthy);
        Assert.Contains("no answer within", status.Description, StringComparison.Ordinal);
    }
}
