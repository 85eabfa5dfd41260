using BreakoutBot.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace BreakoutBot.AppHost.Tests.Infrastructure;

public class InfrastructureSettingsTests
{
    [Fact]
    public void FromConfiguration_Empty_IsAutoWithDefaultDirectory()
    {
        var settings = InfrastructureSettings.FromConfiguration(Configuration(), runningAsRoot: false);

        Assert.Equal(InfrastructureMode.Auto, settings.Mode);
        Assert.Equal(InfrastructureSettings.DefaultDataDirectory(runningAsRoot: false), settings.DataDirectory);
        Assert.False(settings.EphemeralStorage);
        Assert.Equal("postgres", settings.PostgresOsUser);
    }

    [Theory]
    [InlineData("local", InfrastructureMode.Local)]
    [InlineData("Containers", InfrastructureMode.Containers)]
    [InlineData(" AUTO ", InfrastructureMode.Auto)]
    public void FromConfiguration_ModeName_IsParsedIgnoringCase(string text, InfrastructureMode expected)
    {
        var settings = InfrastructureSettings.FromConfiguration(Configuration(("Infrastructure:Mode", text)), runningAsRoot: false);

        Assert.Equal(expected, settings.Mode);
    }

    [Theory]
    [InlineData("Kubernetes")]
    [InlineData("1")]
    [InlineData("Local,Containers")]
    public void FromConfiguration_InvalidMode_ThrowsNamingValidValues(string text)
    {
        var exception = Assert.Throws<InfrastructureConfigurationException>(
            () => InfrastructureSettings.FromConfiguration(Configuration(("Infrastructure:Mode", text)), runningAsRoot: false));

        Assert.Contains($"Infrastructure:Mode '{text}' is not valid", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Auto, Containers, Local", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_InvalidEphemeralStorage_ThrowsNamingKey()
    {
        var exception = Assert.Throws<InfrastructureConfigurationException>(
            () => InfrastructureSettings.FromConfiguration(Configuration(("Infrastructure:EphemeralStorage", "sometimes")), runningAsRoot: false));

        Assert.Contains("Infrastructure:EphemeralStorage 'sometimes'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_RelativeDataDirectory_IsMadeAbsolute()
    {
        var settings = InfrastructureSettings.FromConfiguration(Configuration(("Infrastructure:DataDirectory", "state")), runningAsRoot: false);

        Assert.True(Path.IsPathFullyQualified(settings.DataDirectory));
        Assert.EndsWith("state", settings.DataDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDataDirectory_AsRootOnLinux_IsOutsideRootsHome()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The root default applies to Linux only.");

        Assert.Equal("/var/lib/breakoutbot", InfrastructureSettings.DefaultDataDirectory(runningAsRoot: true));
        Assert.EndsWith("BreakoutBot", InfrastructureSettings.DefaultDataDirectory(runningAsRoot: false), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();
}
