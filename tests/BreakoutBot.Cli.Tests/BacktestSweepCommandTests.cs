namespace BreakoutBot.Cli.Tests;

public sealed class BacktestSweepCommandTests(SimulatedMarketFolder market) : IClassFixture<SimulatedMarketFolder>
{
    private const string Grid = "position_config.breakeven_trigger_r=0.5,1.5;risk.risk_per_trade=0.005,0.01";

    [Fact]
    public void ASweepWithFolds_RanksEveryCombination_WalksForward_AndTheSameOnOneCoreOrTwo()
    {
        var (parallel, serial) = (market.NewFolder("sweep"), market.NewFolder("sweep"));
        string[] arguments = ["backtest", "sweep", "--data", market.Data, "--preset", "sim_breakout", "--symbols", "BTCUSDT,ETHUSDT", "--grid", Grid, "--folds", "2"];

        var run = CliRun.Of([.. arguments, "--output", parallel, "--parallel", "2"]);
        var again = CliRun.Of([.. arguments, "--output", serial, "--parallel", "1"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(0, again.ExitCode);
        var sweep = File.ReadAllLines(Path.Combine(parallel, "sweep.csv"));
        Assert.Equal("rank,combination,position_config.breakeven_trigger_r,risk.risk_per_trade,net_pnl,trades,win_rate,profit_factor,max_drawdown_pct,sharpe,oos_net_pnl,fold_net_pnl,mc_drawdown_median_pct,mc_drawdown_p95_pct", sweep[0]);
        Assert.Equal(5, sweep.Length);
        Assert.Equal(["1", "2", "3", "4"], sweep.Skip(1).Select(line => line.Split(',')[0]));
        Assert.Equal(["1", "2", "3", "4"], sweep.Skip(1).Select(line => line.Split(',')[1]).Order());
        var outOfSample = sweep.Skip(1).Select(line => decimal.Parse(line.Split(',')[10], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(outOfSample.OrderDescending(), outOfSample);
        Assert.Equal(File.ReadAllBytes(Path.Combine(parallel, "sweep.csv")), File.ReadAllBytes(Path.Combine(serial, "sweep.csv")));
        var walkForward = File.ReadAllLines(Path.Combine(parallel, "walk_forward.csv"));
        Assert.Equal(2, walkForward.Length);
        Assert.StartsWith("2,2026-01-01T00:00:00Z,", walkForward[1], StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(parallel, "sweep.html"));
        Assert.Contains("<h2>Walk-forward</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("4 combination(s) × 3 run(s) on 2 symbol(s)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("risk.risk_per_trad=0.01", "risk.risk_per_trad: the preset has no field 'risk_per_trad' there")]
    [InlineData("risk.risk_per_trade=0.01,9", "risk.risk_per_trade=9: the variant is not a valid preset: $.risk.risk_per_trade")]
    [InlineData("risk.risk_per_trade", "--grid 'risk.risk_per_trade' must be <preset.field.path>=<value>")]
    public void AGridThePresetCannotTake_ExitsWithTwo_BeforeAnythingRuns(string grid, string expected)
    {
        var output = market.NewFolder("sweep");

        var run = CliRun.Of("backtest", "sweep", "--data", market.Data, "--preset", "sim_breakout", "--grid", grid, "--output", output);

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Shards_RunEveryNthCombination_AndTogetherCoverTheGridOnce()
    {
        var shards = Enumerable.Range(1, 3).Select(index => (Index: index, Output: market.NewFolder("shard"))).ToList();

        var runs = shards.Select(shard => CliRun.Of("backtest", "sweep", "--data", market.Data, "--preset", "sim_breakout", "--symbols", "SOLUSDT",
            "--to", "2026-01-02T00:00:00Z", "--grid", Grid, "--shard", $"{shard.Index}/3", "--output", shard.Output)).ToList();

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        var numbers = shards.Select(shard => File.ReadAllLines(Path.Combine(shard.Output, "sweep.csv")).Skip(1).Select(line => int.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList()).ToList();
        Assert.Equal([[1, 4], [2], [3]], numbers);
        Assert.Contains("--shard '4/3' must be", CliRun.Of("backtest", "sweep", "--data", market.Data, "--preset", "sim_breakout", "--grid", Grid, "--shard", "4/3").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDataInAnyFile_IsRefusedBeforeTheFirstRun()
    {
        var data = market.DataWith("SOLUSDT.csv", text => text.Replace("\n1767", "\nx767", StringComparison.Ordinal));
        var output = market.NewFolder("sweep");

        var run = CliRun.Of("backtest", "sweep", "--data", data, "--preset", "sim_breakout", "--grid", "risk.risk_per_trade=0.01", "--output", output);

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("SOLUSDT.csv:2: timestamp 'x767", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
