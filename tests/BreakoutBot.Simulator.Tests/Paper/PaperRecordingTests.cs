using System.Globalization;
using BreakoutBot.Domain.MarketData;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>An upstream where a bar closes every half second, relayed by a Paper simulator that records BTCUSDT and ETHUSDT.</summary>
public sealed class RecordingPaperVenue() : PaperVenueBase("600")
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("paper-recording-").FullName;

    protected override string[] PaperSettings =>
        ["--Simulator:Recording:Directory=" + Directory, "--Simulator:Recording:Symbols:0=BTCUSDT", "--Simulator:Recording:Symbols:1=ETHUSDT"];

    protected override void Stopped() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>Paper mode records what it relays, in the layout <c>breakoutbot backtest</c> reads, so a paper session can be replayed.</summary>
public sealed class PaperRecordingTests(RecordingPaperVenue venue) : IClassFixture<RecordingPaperVenue>
{
    [Fact]
    public async Task ConfirmedBars_AreAppendedAsTheUpstreamHasThem_OncePerBar_WithoutGaps_AndTheContracts()
    {
        var path = Path.Combine(venue.Directory, "BTCUSDT.csv");
        await UntilAsync(() => Task.FromResult(File.Exists(path) && File.ReadAllLines(path).Length >= 6), "five recorded bars");

        var lines = File.ReadAllLines(path);
        Assert.Equal("timestamp,open,high,low,close,volume,turnover", lines[0]);
        var times = lines.Skip(1).Select(line => long.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(300_000, pair.Second - pair.First));
        var upstream = await venue.Market(venue.UpstreamAddress).GetKlinesAsync(InstrumentSymbol.Parse("BTCUSDT"), CandleInterval.FiveMinutes, 1000, TestContext.Current.CancellationToken);
        var byTime = upstream.ToDictionary(bar => bar.OpenTime.ToUnixTimeMilliseconds());
        Assert.All(lines.Skip(1), line =>
        {
            var bar = byTime[long.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)];
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{bar.OpenTime.ToUnixTimeMilliseconds()},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Volume},{bar.Turnover}"), line);
        });
        Assert.True(File.Exists(Path.Combine(venue.Directory, "ETHUSDT.csv")));
        var instruments = File.ReadAllText(Path.Combine(venue.Directory, "instruments.json"));
        Assert.Contains("\"symbol\": \"BTCUSDT\"", instruments, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUSDT", instruments, StringComparison.Ordinal);
    }
}
