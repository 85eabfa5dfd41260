using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.IntegrationTests;

public class ResourceHealthTests(DistributedAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(Resources))]
    public void Resource_AfterStart_IsRunningAndHealthy(string name)
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var resourceEvent), $"No state for '{name}'.");

        Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State?.Text);
        Assert.Equal(HealthStatus.Healthy, resourceEvent.Snapshot.HealthStatus);
    }

    public static TheoryData<string> Resources() => [.. DistributedAppFixture.ResourceNames];
}
