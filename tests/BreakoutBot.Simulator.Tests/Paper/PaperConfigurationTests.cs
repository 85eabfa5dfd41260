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
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => PaperVenueBase.StartAsync(
        [
            "--Simulator:Mode=Paper",
            $"--Simulator:Upstream:RestUrl={restUrl}",
            $"--Simulator:Upstream:PublicStream={publicStream}",
        ]));

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sim", "BTCUSDT", "5", "it needs Simulator:Mode Paper")]
    [InlineData("Paper", "", "5", "Simulator:Recording:Symbols must list the symbols")]
    [InlineData("Paper", "BTC/USDT", "5", "Simulator:Recording:Symbols must list the symbols")]
    [InlineData("Paper", "BTCUSDT", "7", "Simulator:Recording:Interval must be a Bybit kline interval")]
    public async Task Start_ARecordingThatCannotWork_FailsNamingTheSetting(string mode, string symbol, string interval, string expected)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => PaperVenueBase.StartAsync(
        [
            $"--Simulator:Mode={mode}",
            "--Simulator:Upstream:RestUrl=http://127.0.0.1:1",
            "--Simulator:Upstream:PublicStream=ws://127.0.0.1:1/v5/public/linear",
            "--Simulator:Recording:Directory=" + Path.GetTempPath(),
            "--Simulator:Recording:Symbols:0=" + symbol,
            "--Simulator:Recording:Interval=" + interval,
        ]));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_UpstreamUnreachable_UnhealthyUntilItsInstrumentsAreLoaded()
    {
        var (app, address) = await PaperVenueBase.StartAsync(
        [
            "--Simulator:Mode=Paper",
            "--Simulator:Upstream:RestUrl=http://127.0.0.1:1",
            "--Simulator:Upstream:PublicStream=ws://127.0.0.1:1/v5/public/linear",
        ]);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            var body = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("upstream", body, StringComparison.Ordinal);
        }
        finally
        {
            await RunningSimulator.StopAsync(app);
        }
    }

    [Fact]
    public void Build_UnknownMode_FailsNamingTheSetting()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => SimulatorApplication.Build(["--Simulator:Mode=Live"]));

        Assert.Contains("Simulator:Mode", exception.Message, StringComparison.Ordinal);
    }
}
