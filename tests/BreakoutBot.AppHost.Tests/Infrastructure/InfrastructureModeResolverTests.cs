using BreakoutBot.AppHost.Infrastructure;

namespace BreakoutBot.AppHost.Tests.Infrastructure;

public class InfrastructureModeResolverTests
{
    [Fact]
    public void Resolve_PublishMode_IsAlwaysContainers()
    {
        var decision = InfrastructureModeResolver.Resolve(InfrastructureMode.Local, isPublishMode: true, new ProbeThatMustNotRun());

        Assert.Equal(InfrastructureMode.Containers, decision.Mode);
        Assert.Contains("publishing", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.Containers)]
    public void Resolve_ExplicitMode_IsKeptWithoutProbing(InfrastructureMode requested)
    {
        var decision = InfrastructureModeResolver.Resolve(requested, isPublishMode: false, new ProbeThatMustNotRun());

        Assert.Equal(requested, decision.Mode);
    }

    [Fact]
    public void Resolve_AutoWithHealthyRuntime_IsContainersAndSaysWhy()
    {
        var decision = InfrastructureModeResolver.Resolve(
            InfrastructureMode.Auto, isPublishMode: false, new FixedProbe(new ContainerRuntimeStatus(true, "docker engine 28.2.2 answered")));

        Assert.Equal(InfrastructureMode.Containers, decision.Mode);
        Assert.Contains("docker engine 28.2.2 answered", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AutoWithoutHealthyRuntime_IsLocalAndSaysWhy()
    {
        var decision = InfrastructureModeResolver.Resolve(
            InfrastructureMode.Auto, isPublishMode: false, new FixedProbe(new ContainerRuntimeStatus(false, "docker: engine not running")));

        Assert.Equal(InfrastructureMode.Local, decision.Mode);
        Assert.Contains("docker: engine not running", decision.Reason, StringComparison.Ordinal);
    }

    private sealed class FixedProbe(ContainerRuntimeStatus status) : IContainerRuntimeProbe
    {
        public ContainerRuntimeStatus Probe() => status;
    }

    private sealed class ProbeThatMustNotRun : IContainerRuntimeProbe
    {
        public ContainerRuntimeStatus Probe() => throw new InvalidOperationException("An explicit mode must not probe the container runtime.");
    }
}
