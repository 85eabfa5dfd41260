using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>A Paper simulator without a usable upstream refuses to start, saying which setting is wrong.</summary>
public sealed class PaperConfigurationTests
{
    [Theory]
    [InlineData("", "ws://127.0.0.1:1/v5/public/linear", "Simulator:Upstream:RestUrl")]
    [InlineData("ftp://127.0.0.1:1", "ws://127.0.0.1:1/v5/public/linear", "Simulator:Upstream:RestUrl")]
    [InlineData("http://127.0.0.1:1", "", "Simulator:Upstream:PublicStream")]
    [InlineData("http://127.0.0.1:1", "http://127.0.0.1:1/v5/public/linear", "Simulator:Upstream:PublicStream")]
    public async Task Start_PaperWithABadUpstream_FailsNamingTheSetting(string restUrl, string publicStream, string setting)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => PaperVenue.StartAsync(
        [
            "--Simulator:Mode=Paper",
            $"--Simulator:Upstream:RestUrl={restUrl}",
            $"--Simulator:Upstream:PublicStream={publicStream}",
        ]));

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownMode_FailsNamingTheSetting()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => SimulatorApplication.Build(["--Simulator:Mode=Live"]));

        Assert.Contains("Simulator:Mode", exception.Message, StringComparison.Ordinal);
    }
}
