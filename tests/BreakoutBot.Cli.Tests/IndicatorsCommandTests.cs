using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Cli.Tests;

public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("breakoutbot-cli-").FullName;

    public static TheoryData<string> Names() => [.. IndicatorCatalog.All.Select(definition => definition.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Indicators_ReferenceQuotesWithDefaults_EqualsExpectedFullFile(string name)
    {
        var outputFile = Path.Combine(_scratch, $"{name}.csv");

        var run = CliRun.Of("indicators", name, "--input", CliRun.TestData("indicators", "quotes.csv"), "--output", outputFile);

        Assert.True(run.ExitCode == 0, run.Error);
        var expected = File.ReadAllLines(CliRun.TestData("indicators", $"expected_{name}_full.csv"));
        var actual = File.ReadAllLines(outputFile);
        Assert.Equal(expected.Length, actual.Length);
        for (var line = 0; line < expected.Length; line++)
        {
            Assert.True(expected[line] == actual[line], $"line {line + 1}:\n expected {expected[line]}\n actual   {actual[line]}");
        }
    }

    [Fact]
    public void Indicators_NoOutputOption_WritesToStandardOutput()
    {
        var run = CliRun.Of("indicators", "sma", "--input", CliRun.TestData("indicators", "quotes.csv"), "--period", "5");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,date,sma", lines[0]);
        Assert.Equal("3,2017-01-06,", lines[4]);
        Assert.Equal("4,2017-01-09,213.87199999999999", lines[5]);
    }

    [Fact]
    public void Indicators_ChandelierShort_MatchesAssertedValue()
    {
        var run = CliRun.Of("indicators", "chandelier", "--input", CliRun.TestData("indicators", "quotes.csv"), "--direction", "short");

        Assert.Equal(0, run.ExitCode);
        var last = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(',');
        Assert.Equal("2018-12-31", last[1]);
        Assert.Equal(246.4240, double.Parse(last[2], System.Globalization.CultureInfo.InvariantCulture), 4);
    }

    [Theory]
    [InlineData("date,open,high,low,close\n2024-01-01,1,2,0.5,1.5\n", "line 1: missing column(s) volume")]
    [InlineData("date,open,high,low,close,volume\n2024-01-01,1,2,0.5,abc,10\n", "line 2: close 'abc' is not a number")]
    [InlineData("date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-01,1,2,0.5,1.5,10\n", "line 3: date 2024-01-01 comes before the previous row's 2024-01-02")]
    [InlineData("date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-01,1,2,0.5,1.5,10\n", "line 3: date 2024-01-01 repeats the previous row's date")]
    [InlineData("date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-02,1,0.4,0.5,0.45,10\n", "line 3: high 0.4 is below low 0.5")]
    [InlineData("date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5\n", "line 2: expected 6 cells like the header, found 5")]
    [InlineData("date,open,high,low,close,volume\n01/02/2024,1,2,0.5,1.5,10\n", "line 2: date '01/02/2024' is not a date")]
    [InlineData("date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,-3\n", "line 2: volume -3 is negative")]
    [InlineData("", "line 1: the file is empty")]
    public void Indicators_MalformedCsv_FailsNamingLineAndProblem(string csv, string expectedMessage)
    {
        var input = Path.Combine(_scratch, "bad.csv");
        File.WriteAllText(input, csv);

        var run = CliRun.Of("indicators", "atr", "--input", input);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData(new[] { "indicators", "nope", "--input", "q.csv" }, "unknown indicator 'nope'")]
    [InlineData(new[] { "indicators", "atr" }, "--input <quotes.csv> is required")]
    [InlineData(new[] { "indicators", "atr", "--input", "q.csv", "--period", "abc" }, "--period must be a whole number, not 'abc'")]
    [InlineData(new[] { "indicators", "atr", "--input", "q.csv", "--period", "0" }, "--period is out of range")]
    [InlineData(new[] { "indicators", "atr", "--input", "q.csv", "--colour", "red" }, "atr has no option --colour")]
    [InlineData(new[] { "indicators", "chandelier", "--input", "q.csv", "--direction", "up" }, "--direction must be long or short, not 'up'")]
    [InlineData(new[] { "indicators", "atr", "--input" }, "--input needs a value")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    public void Run_BadArguments_ExitsWithUsageErrorNamingTheProblem(string[] args, string expectedMessage)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_MissingInputFile_FailsNamingIt()
    {
        var missing = Path.Combine(_scratch, "absent.csv");

        var run = CliRun.Of("indicators", "ema", "--input", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"cannot read {missing}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void IndicatorsList_ShowsEveryIndicatorWithDefaults()
    {
        var run = CliRun.Of("indicators", "list");

        Assert.Equal(0, run.ExitCode);
        foreach (var definition in IndicatorCatalog.All)
        {
            Assert.Contains(definition.Name, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("--period 10 --multiplier 3", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
