using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BreakoutBot.IntegrationTests;

/// <summary>A backtest asked of the Api is run by the backtester service of the running application, not by the Api.</summary>
public class BacktestTests(DistributedAppFixture fixture)
{
    [Fact]
    public async Task Backtest_QueuedThroughTheApi_RunByTheBacktesterService_ResultsAndReportServed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var client = fixture.App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add("X-Api-Key", DistributedAppFixture.AutomationApiKey);

        using var started = await client.PostAsJsonAsync("/api/backtests",
            new { preset = "sim_breakout", market = new { source = "synthetic", seed = 5, symbols = 4, bars = 1_500 }, balance = 5_000 }, cancellation);

        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(cancellation));
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();
        JsonElement run;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            run = (await client.GetFromJsonAsync<JsonElement>($"/api/backtests/{id}", cancellation)).Clone();
            var status = run.GetProperty("run").GetProperty("status").GetString();
            if (status is "succeeded" or "failed" or "cancelled")
            {
                break;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(4), $"backtest {id} still {status}:{Environment.NewLine}{DistributedAppFixture.LogTail("backtester", 40)}");
            await Task.Delay(500, cancellation);
        }

        var summary = run.GetProperty("run");
        Assert.True(summary.GetProperty("status").GetString() == "succeeded", summary.ToString());
        var figures = summary.GetProperty("figures");
        var trades = run.GetProperty("trades").EnumerateArray().ToList();
        Assert.True(trades.Count > 0, "the simulator's preset trades its own market");
        Assert.Equal(figures.GetProperty("trades").GetInt32(), trades.Count);
        Assert.Equal(figures.GetProperty("netPnl").GetDecimal(), trades.Sum(trade => trade.GetProperty("netPnl").GetDecimal()));
        using var report = await client.GetAsync(new Uri($"/api/backtests/{id}/report", UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("<svg", await report.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);
    }
}
