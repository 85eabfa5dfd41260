using System.Globalization;
using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Cli.Tests;

/// <summary><c>breakoutbot data export-sim</c>: the simulator's market as kline files a backtest reads, reproducibly.</summary>
public sealed class DataExportSimCommandTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "breakoutbot-export-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Export_WritesBybitKlineFilesAndInstruments_BarsConsistentAndEvenlySpaced()
    {
        var directory = Path.Combine(_scratch, "a");

        var run = CliRun.Of("data", "export-sim", "--output", directory, "--seed", "7", "--symbols", "3", "--bars", "200", "--start", "2026-03-01T00:00:00Z");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("200 5-minute bars of 3 symbol(s) (seed 7", run.Output, StringComparison.Ordinal);
        Assert.Equal(["BTCUSDT.csv", "ETHUSDT.csv", "SOLUSDT.csv", "instruments.json"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var lines = File.ReadAllLines(Path.Combine(directory, "BTCUSDT.csv"));
        Assert.Equal("timestamp,open,high,low,close,volume,turnover", lines[0]);
        Assert.Equal(201, lines.Length);
        var rows = lines[1..].Select(line => line.Split(',').Select(cell => decimal.Parse(cell, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), rows[0][0]);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.Equal(300_000m, pair.Second[0] - pair.First[0]));
        Assert.All(rows, row => Assert.True(row[3] <= Math.Min(row[1], row[4]) && row[2] >= Math.Max(row[1], row[4]) && row[5] > 0 && row[6] > 0, string.Join(',', row)));

        // Our own client reads instruments.json back as the instruments the simulator trades.
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "instruments.json")));
        var page = MarketDataParsers.ParseInstruments(document.RootElement);
        Assert.Equal(SyntheticUniverse.Default.Take(3).Select(symbol => symbol.ToInstrument()).Select(instrument => (instrument.Symbol, instrument.TickSize, instrument.QtyStep, instrument.MinOrderQty)),
            page.Instruments.Select(instrument => (instrument.Symbol, instrument.TickSize, instrument.QtyStep, instrument.MinOrderQty)));
    }

    [Fact]
    public void SameArguments_GiveByteIdenticalFiles_AnotherSeedAnotherMarket()
    {
        string[] Export(string name, string seed) =>
            CliRun.Of("data", "export-sim", "--output", Path.Combine(_scratch, name), "--seed", seed, "--symbols", "2", "--bars", "300").ExitCode == 0
                ? [.. Directory.GetFiles(Path.Combine(_scratch, name)).Order(StringComparer.Ordinal).Select(File.ReadAllText)]
                : throw new InvalidOperationException("the export failed");

        var first = Export("first", "5");
        var again = Export("again", "5");
        var other = Export("other", "6");

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], other[0]);
    }

    [Theory]
    [InlineData("--symbols,0", "--symbols '0' must be a whole number from 1 to 32")]
    [InlineData("--symbols,33", "--symbols '33' must be a whole number from 1 to 32")]
    [InlineData("--bars,many", "--bars 'many' must be a whole number")]
    [InlineData("--seed,1.5", "--seed '1.5' is not a whole number")]
    [InlineData("--start,yesterday", "--start 'yesterday' is not an ISO-8601 UTC time")]
    [InlineData("--start,2026-01-01T00:00:00", "is not an ISO-8601 UTC time")]
    [InlineData("--interval,1", "unknown option --interval")]
    public void BadArguments_AreRefusedByName_ExitCode2_NothingWritten(string extra, string expected)
    {
        var directory = Path.Combine(_scratch, "bad");

        var run = CliRun.Of(["data", "export-sim", "--output", directory, .. extra.Split(',')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void WithoutOutput_IsAUsageError_AndAnExistingFileIsNeverOverwritten()
    {
        var missing = CliRun.Of("data", "export-sim", "--bars", "10");
        var directory = Path.Combine(_scratch, "kept");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "BTCUSDT.csv"), "mine");

        var refused = CliRun.Of("data", "export-sim", "--output", directory, "--bars", "10");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--output <dir> is required", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("BTCUSDT.csv already exists", refused.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(directory, "BTCUSDT.csv")));
        Assert.Single(Directory.GetFiles(directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
