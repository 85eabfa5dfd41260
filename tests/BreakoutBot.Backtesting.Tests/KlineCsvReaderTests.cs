using BreakoutBot.Backtesting.Data;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Tests;

public sealed class KlineCsvReaderTests : IDisposable
{
    private const string Header = "timestamp,open,high,low,close,volume,turnover";
    private const long T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    private const long FiveMinutes = 300_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("klines-").FullName;

    [Fact]
    public void ReadsBars_InTheirBaseInterval_AnyColumnOrder()
    {
        var path = Write("timestamp,volume,open,high,low,close,turnover,ignored",
            $"{T0},5,100,101,99,100.5,500,x", $"{T0 + FiveMinutes},6,100.5,102,100,101,606,y");

        var bars = KlineCsvReader.Read(path).ToList();

        Assert.Equal(2, bars.Count);
        Assert.All(bars, bar => Assert.Equal(CandleInterval.FiveMinutes, bar.Interval));
        Assert.Equal((100.5m, 101m, 6m, 606m), (bars[1].Open, bars[1].Close, bars[1].Volume, bars[1].Turnover));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(T0), bars[0].OpenTime);
    }

    [Theory]
    [InlineData("timestamp,open,high,low,close,volume", 1, "missing column(s) turnover")]
    [InlineData("", 1, "missing column(s)")]
    public void AHeaderWithoutTheColumns_IsRefusedOnLineOne(string header, int line, string problem)
    {
        var path = Write(header, $"{T0},100,101,99,100,1,100");

        var refusal = Assert.Throws<BacktestInputException>(() => KlineCsvReader.Read(path).ToList());

        Assert.Equal(line, refusal.Line);
        Assert.Contains(problem, refusal.Problem, StringComparison.Ordinal);
        Assert.StartsWith("BTCUSDT.csv:1: ", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc,100,101,99,100,1,100", 3, "timestamp 'abc' is not epoch milliseconds")]
    [InlineData("T1,100,1o1,99,100,1,100", 3, "high '1o1' is not a non-negative number")]
    [InlineData("T1,100,101,99,100,-1,100", 3, "volume '-1' is not a non-negative number")]
    [InlineData("T1,100,101", 3, "3 cell(s), the header needs at least 7")]
    [InlineData("T1,100,99,101,100,1,100", 3, "not a valid bar")]
    [InlineData("T0,100,101,99,100,1,100", 3, "repeats the previous line")]
    [InlineData("T-1,100,101,99,100,1,100", 3, "before the previous line")]
    [InlineData("T2,100,101,99,100,1,100", 3, "the first two bars are 10 minutes apart")]
    [InlineData("T0+120000,100,101,99,100,1,100", 3, "the first two bars are 2 minutes apart")]
    public void ABadSecondRow_IsRefusedNamingItsLine(string row, int line, string problem)
    {
        var path = Write(Header, $"{T0},100,101,99,100,1,100", Row(row));

        var refusal = Assert.Throws<BacktestInputException>(() => KlineCsvReader.Read(path).ToList());

        Assert.Equal(line, refusal.Line);
        Assert.Contains(problem, refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AGapAfterTheIntervalIsKnown_IsRefusedNamingTheLineAndTheDistance()
    {
        var path = Write(Header, $"{T0},100,101,99,100,1,100", $"{T0 + FiveMinutes},100,101,99,100,1,100", $"{T0 + (3 * FiveMinutes)},100,101,99,100,1,100");

        var refusal = Assert.Throws<BacktestInputException>(() => KlineCsvReader.Read(path).ToList());

        Assert.Equal(4, refusal.Line);
        Assert.Contains("gap", refusal.Problem, StringComparison.Ordinal);
        Assert.Contains("by 10 minutes", refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimestampNotOnItsIntervalsGrid_IsRefused()
    {
        var path = Write(Header, $"{T0 + 60_000},100,101,99,100,1,100", $"{T0 + 60_000 + FiveMinutes},100,101,99,100,1,100");

        var refusal = Assert.Throws<BacktestInputException>(() => KlineCsvReader.Read(path).ToList());

        Assert.Equal(2, refusal.Line);
        Assert.Contains("is not the start of a 5-minute bar", refusal.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "the file is empty")]
    [InlineData(new[] { "1767225600000,100,101,99,100,1,100" }, "only one bar")]
    public void TooLittleData_IsRefused(string[] rows, string problem)
    {
        var path = rows.Length == 0 ? WriteRaw("") : Write(Header, rows);

        var refusal = Assert.Throws<BacktestInputException>(() => KlineCsvReader.Read(path).ToList());

        Assert.Contains(problem, refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsRefusedByName()
    {
        var refusal = Assert.Throws<BacktestInputException>(() => KlineCsvReader.Read(Path.Combine(_folder, "NOPEUSDT.csv")).ToList());

        Assert.Equal("NOPEUSDT.csv: the file does not exist", refusal.Message);
    }

    /// <summary>T0, T1, T2, T-1 and T0+N stand for the first bar's time, one and two intervals later, one earlier, N ms later.</summary>
    private static string Row(string row)
    {
        var cells = row.Split(',', 2);
        var time = cells[0] switch
        {
            "T0" => T0.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "T1" => (T0 + FiveMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "T2" => (T0 + (2 * FiveMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "T-1" => (T0 - FiveMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            var other when other.StartsWith("T0+", StringComparison.Ordinal) => (T0 + long.Parse(other[3..], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            var other => other,
        };
        return cells.Length == 2 ? time + "," + cells[1] : time;
    }

    private string Write(string header, params string[] rows) => WriteRaw(string.Join('\n', [header, .. rows]) + "\n");

    private string WriteRaw(string text)
    {
        var path = Path.Combine(_folder, "BTCUSDT.csv");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
