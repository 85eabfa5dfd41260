using System.Globalization;
using System.Text.Json;

namespace BreakoutBot.Cli.Tests;

/// <summary>A simulated market exported once for the backtest tests: 4 symbols × 1,500 five-minute bars.</summary>
public sealed class SimulatedMarketFolder : IDisposable
{
    public SimulatedMarketFolder()
    {
        var run = CliRun.Of("data", "export-sim", "--output", Data, "--symbols", "4", "--bars", "1500", "--seed", "5");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("export-sim failed: " + run.Error);
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("backtest-").FullName;

    public string Data => Path.Combine(Root, "data");

    public string NewFolder(string name) => Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A copy of the data folder with one file's text changed.</summary>
    public string DataWith(string file, Func<string, string> change)
    {
        var copy = NewFolder("data");
        Directory.CreateDirectory(copy);
        foreach (var source in Directory.GetFiles(Data))
        {
            File.Copy(source, Path.Combine(copy, Path.GetFileName(source)));
        }

        var path = Path.Combine(copy, file);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return copy;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class BacktestCommandTests(SimulatedMarketFolder market) : IClassFixture<SimulatedMarketFolder>
{
    private static readonly string[] Outputs = ["trades.csv", "equity.csv", "summary.json", "report.html"];

    [Fact]
    public void ABacktestOfTheSimulatedMarket_WritesTheFourResults_WhoseMoneyAddsUpToTheCent()
    {
        var output = market.NewFolder("out");

        var run = CliRun.Of("backtest", "--data", market.Data, "--preset", "sim_breakout", "--output", output, "--balance", "5000");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.All(Outputs, file => Assert.True(File.Exists(Path.Combine(output, file)), file));
        var trades = File.ReadAllLines(Path.Combine(output, "trades.csv"));
        Assert.Equal("symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,gross_pnl,fees,funding,net_pnl,r_multiple,exit_reason", trades[0]);
        Assert.True(trades.Length > 1, "the simulated market's preset trades its market");
        var rows = trades.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.All(rows, row => Assert.Equal(Money(row[7]) - Money(row[8]) + Money(row[9]), Money(row[10])));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(5000m, root.GetProperty("starting_balance").GetDecimal());
        Assert.Equal(rows.Count, root.GetProperty("trades").GetInt32());
        var netPnl = root.GetProperty("net_pnl").GetDecimal();
        Assert.Equal(root.GetProperty("final_equity").GetDecimal() - 5000m, netPnl);
        Assert.Equal(decimal.Round(netPnl, 2), decimal.Round(rows.Sum(row => Money(row[10])), 2));
        Assert.Equal(6000, root.GetProperty("candles").GetInt64());
        foreach (var figure in new[] { "win_rate", "profit_factor", "expectancy", "max_drawdown_pct", "sharpe", "sortino", "candles_per_second" })
        {
            Assert.True(root.TryGetProperty(figure, out _), figure);
        }

        // sim_breakout's book rules: the imbalance is on, the density confirmation off (the simulator's book has no walls).
        Assert.Equal(["l2_imbalance_threshold", "max_spread_bps", "min_depth_usd_0_3pct", "min_depth_usd_0_5pct", "min_trades_per_minute"],
            root.GetProperty("filters_not_evaluated").EnumerateArray().Select(name => name.GetString()).Where(name => name != "min_oi_usd"));
        Assert.Contains("they passed and are listed in summary.json", run.Output, StringComparison.Ordinal);

        var equity = File.ReadAllLines(Path.Combine(output, "equity.csv"));
        Assert.Equal("timestamp,equity", equity[0]);
        Assert.Equal(root.GetProperty("final_equity").GetDecimal(), Money(equity[^1].Split(',')[1]));

        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        foreach (var section in new[] { "Equity", "Drawdown (%)", "R multiples", "Per symbol", "Monthly returns", "Trades" })
        {
            Assert.Contains($"<h2>{section}</h2>", report, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheSameInputsAndSeed_GiveByteIdenticalTradesAndEquity_AndExistingResultsAreNeverOverwritten()
    {
        var (first, second) = (market.NewFolder("first"), market.NewFolder("second"));
        string[] arguments = ["backtest", "--data", market.Data, "--preset", "sim_breakout", "--seed", "42", "--symbols", "BTCUSDT,ETHUSDT", "--from", "2026-01-02T00:00:00Z"];

        Assert.Equal(0, CliRun.Of([.. arguments, "--output", first]).ExitCode);
        Assert.Equal(0, CliRun.Of([.. arguments, "--output", second]).ExitCode);
        var again = CliRun.Of([.. arguments, "--output", first]);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "trades.csv")), File.ReadAllBytes(Path.Combine(second, "trades.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "equity.csv")), File.ReadAllBytes(Path.Combine(second, "equity.csv")));
        Assert.StartsWith("2026-01-02T00:05:00Z,", File.ReadAllLines(Path.Combine(first, "equity.csv"))[1], StringComparison.Ordinal);
        Assert.Equal(CliApplication.UsageError, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ETHUSDT.csv", "missing-column", "ETHUSDT.csv:1: missing column(s) turnover")]
    [InlineData("ETHUSDT.csv", "not-a-number", "ETHUSDT.csv:4: close 'abc' is not a non-negative number")]
    [InlineData("ETHUSDT.csv", "duplicate", "ETHUSDT.csv:4: timestamp")]
    [InlineData("ETHUSDT.csv", "unsorted", "ETHUSDT.csv:4: timestamp 1767225600000 is before the previous line's 1767225900000; bars must be oldest first")]
    [InlineData("ETHUSDT.csv", "gap", "ETHUSDT.csv:4: gap:")]
    [InlineData("instruments.json", "not-json", "instruments.json: not Bybit's instruments-info result layout")]
    public void BadData_ExitsWithTwo_NamesFileAndLine_AndWritesNothing(string file, string damage, string expected)
    {
        var data = market.DataWith(file, text => Damage(text, damage));
        var output = market.NewFolder("out");

        var run = CliRun.Of("backtest", "--data", data, "--preset", "sim_breakout", "--output", output);

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "no output folder");
    }

    [Fact]
    public void ATradeTapeBesideTheKlines_DecidesItsSymbolsAmbiguousBars_AndABadOneIsRefusedBeforeTheRun()
    {
        const string Tape = "timestamp,symbol,side,size,price,tickDirection,trdMatchID,grossValue,homeNotional,foreignNotional\n";
        var data = market.DataWith("BTCUSDT.csv", text => text);
        File.WriteAllText(Path.Combine(data, "BTCUSDT.trades.csv"), Tape + "1767225600.5,BTCUSDT,Buy,0.01,60000,PlusTick,a,1,1,1\n");
        var output = market.NewFolder("out");

        var run = CliRun.Of("backtest", "--data", data, "--preset", "sim_breakout", "--symbols", "BTCUSDT,ETHUSDT", "--output", output);

        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.StartsWith("trade tapes (SYMBOL.trades.csv) decide the bars that touch both the stop and a target for BTCUSDT;",
            summary.RootElement.GetProperty("intrabar_model").GetString(), StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(data, "BTCUSDT.trades.csv"), "1767225599,BTCUSDT,Buy,0.01,60000,PlusTick,b,1,1,1\n");
        var refused = CliRun.Of("backtest", "--data", data, "--preset", "sim_breakout", "--output", market.NewFolder("out"));
        Assert.Equal(CliApplication.UsageError, refused.ExitCode);
        Assert.Contains("BTCUSDT.trades.csv:3: ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("trades must be oldest first", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputThatCannotBeWritten_ExitsWithOne_SayingWhy()
    {
        var blocked = Path.Combine(market.Root, "a-file-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(blocked, "not a directory");

        var run = CliRun.Of("backtest", "--data", market.Data, "--preset", "sim_breakout", "--symbols", "BTCUSDT", "--to", "2026-01-01T06:00:00Z", "--output", blocked);

        Assert.Equal(CliApplication.Failure, run.ExitCode);
        Assert.Contains("could not read the data or write the results", run.Error, StringComparison.Ordinal);
        Assert.Equal("not a directory", File.ReadAllText(blocked));
    }

    [Fact]
    public void APresetFileWithAnUnknownField_IsRefusedByTheLoader_AndNothingIsWritten()
    {
        var preset = Path.Combine(market.Root, "sim_breakout.json");
        var json = Domain.Presets.ShippedPresets.All().Single(shipped => shipped.Name == "sim_breakout").Json;
        File.WriteAllText(preset, json.Replace("\"name\":", "\"colour_scheme\": \"blue\", \"name\":", StringComparison.Ordinal));
        var output = market.NewFolder("out");

        var run = CliRun.Of("backtest", "--data", market.Data, "--preset", preset, "--output", output);

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("colour_scheme", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--preset", "no_such_preset", "no shipped preset named 'no_such_preset'")]
    [InlineData("--symbols", "DOGEUSDT", "no file for DOGEUSDT")]
    [InlineData("--from", "yesterday", "--from 'yesterday' is not an ISO-8601 time")]
    [InlineData("--fees", "5.5", "--fees '5.5' must be <taker_bps>/<maker_bps>")]
    [InlineData("--balance", "-1", "--balance '-1' must be a number from 0.01")]
    [InlineData("--interval", "7", "--interval '7' is not a Bybit kline interval")]
    [InlineData("--leverage", "0", "--leverage '0' must be a number from 1")]
    [InlineData("--colour", "blue", "unknown option --colour")]
    public void BadArguments_ExitWithTwo_NamingTheOption(string option, string value, string expected)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["--data"] = market.Data, ["--preset"] = "sim_breakout", ["--output"] = market.NewFolder("out") };
        arguments[option] = value;

        var run = CliRun.Of(["backtest", .. arguments.SelectMany(pair => new[] { pair.Key, pair.Value })]);

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(arguments["--output"]));
    }

    private static string Damage(string text, string damage)
    {
        var lines = text.Split('\n').ToList();
        switch (damage)
        {
            case "missing-column":
                lines[0] = "timestamp,open,high,low,close,volume";
                break;
            case "not-a-number":
                var cells = lines[3].Split(',');
                cells[4] = "abc";
                lines[3] = string.Join(',', cells);
                break;
            case "duplicate":
                lines[3] = lines[2];
                break;
            case "unsorted":
                lines[3] = lines[1];
                break;
            case "gap":
                lines.RemoveAt(3);
                break;
            case "not-json":
                return "{ not json";
        }

        return string.Join('\n', lines);
    }

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
