using System.Globalization;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Cli.Tests;

/// <summary><c>data download</c> against the exchange simulator over a real socket: the venue's klines, as the backtest reads them.</summary>
public sealed class DataDownloadCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("download-").FullName;
    private WebApplication _simulator = null!;
    private Uri _venue = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = SimulatorApplication.Build(
        [
            "--urls=http://127.0.0.1:0", "--Simulator:Speed=1", "--Simulator:HistoryBars=1500", "--Simulator:SymbolCount=4", "--Simulator:Seed=3",
            "--Simulator:Faults:Enabled=false", "--Logging:LogLevel:Default=Warning",
        ]);
        await _simulator.StartAsync(TestContext.Current.CancellationToken);
        _venue = new Uri(_simulator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task DownloadingPagesOfAThousand_WritesEveryClosedBarTheVenueHas_InTheLayoutTheBacktestReads()
    {
        using var http = new HttpClient { BaseAddress = _venue };
        var market = new BybitMarketClient(http, TimeProvider.System);
        var now = await market.GetServerTimeAsync(TestContext.Current.CancellationToken);
        var from = CandleInterval.FiveMinutes.OpenTimeContaining(now).AddMinutes(-5 * 1300);
        var output = Path.Combine(_folder, "data");

        var run = CliRun.Of("data", "download", "--symbols", "BTCUSDT,ETHUSDT", "--from", from.ToString("O", CultureInfo.InvariantCulture),
            "--to", from.AddMinutes((5 * 1200) + 2).ToString("O", CultureInfo.InvariantCulture), "--output", output, "--venue", _venue.ToString());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        var lines = File.ReadAllLines(Path.Combine(output, "BTCUSDT.csv"));
        Assert.Equal("timestamp,open,high,low,close,volume,turnover", lines[0]);
        Assert.Equal(1200, lines.Length - 1); // two pages, 1,000 and 200; the bar --to falls inside is not whole before it
        var venueBars = await market.GetKlinesBetweenAsync(InstrumentSymbol.Parse("BTCUSDT"), CandleInterval.FiveMinutes, from.AddMinutes(5 * 1000), from.AddMinutes(5 * 1199), 1000, TestContext.Current.CancellationToken);
        Assert.Equal(200, venueBars.Count);
        Assert.Equal(
            venueBars.Select(bar => string.Create(CultureInfo.InvariantCulture, $"{bar.OpenTime.ToUnixTimeMilliseconds()},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Volume},{bar.Turnover}")),
            lines[1001..]);
        Assert.Contains("\"symbol\": \"ETHUSDT\"", File.ReadAllText(Path.Combine(output, "instruments.json")), StringComparison.Ordinal);

        var backtest = CliRun.Of("backtest", "--data", output, "--preset", "sim_breakout", "--output", Path.Combine(_folder, "results"));
        Assert.True(backtest.ExitCode == 0, backtest.Error);
    }

    [Fact]
    public void ASymbolTheVenueDoesNotList_ExitsWithTwo_AndWritesNothing()
    {
        var output = Path.Combine(_folder, "none");

        var run = CliRun.Of("data", "download", "--symbols", "BTCUSDT,NOPEUSDT", "--from", "2026-01-01T00:00:00Z", "--output", output, "--venue", _venue.ToString());

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("lists no linear USDT perpetual NOPEUSDT", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AVenueThatDoesNotAnswer_ExitsWithOne_NamingIt()
    {
        var run = CliRun.Of("data", "download", "--symbols", "BTCUSDT", "--from", "2026-01-01T00:00:00Z", "--output", Path.Combine(_folder, "x"), "--venue", "http://127.0.0.1:9");

        Assert.Equal(CliApplication.Failure, run.ExitCode);
        Assert.Contains("the venue http://127.0.0.1:9/ failed", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--symbols", "BTCUSDT", "--from <ISO-8601> is required")]
    [InlineData("--from", "2026-01-01T00:00:00Z", "--symbols A,B is required")]
    public void MissingArguments_ExitWithTwo(string option, string value, string expected)
    {
        var run = CliRun.Of("data", "download", option, value, "--output", Path.Combine(_folder, "y"));

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
