namespace BreakoutBot.Simulator.Tests;

/// <summary>A setting of the wrong type stops the simulator at start, naming the key, instead of failing on first use.</summary>
public sealed class SimulatorOptionsTests
{
    [Theory]
    [InlineData("Simulator:Faults:Enabled", "perhaps")]
    [InlineData("Simulator:RateLimits:Enabled", "sometimes")]
    public async Task Start_SettingOfTheWrongType_FailsNamingTheKey(string key, string value)
    {
        var exception = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => RunningSimulator.StartWithAsync($"--{key}={value}", "--Simulator:HistoryBars=100"));

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }
}
