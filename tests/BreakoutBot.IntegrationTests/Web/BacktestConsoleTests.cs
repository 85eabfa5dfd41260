using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BreakoutBot.IntegrationTests.Web;

/// <summary>The Backtests page in a real browser: an operator runs two backtests, reads one, compares both, and the engine page shows the version is backtested.</summary>
public class BacktestConsoleTests(DistributedAppFixture fixture)
{
    private const float Minute = 60_000;

    [Fact]
    public async Task TwoBacktestsRunFromTheConsole_OneRead_BothCompared_TheVersionShownAsBacktested()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture);
        var page = browser.Page;
        await browser.GoAsync("/backtests");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backtests", Exact = true })).ToBeVisibleAsync();

        await Expect(page.GetByTestId("backtest-runs").Or(page.GetByTestId("backtests-empty"))).ToBeVisibleAsync(new() { Timeout = Minute });
        var ids = new List<string>();
        foreach (var seed in new[] { "5", "6" })
        {
            var known = await page.GetByTestId("backtest-run").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.runId)");
            await page.GetByLabel("Backtest preset", new() { Exact = true }).SelectOptionAsync("sim_breakout");
            await page.GetByLabel("Market seed").FillAsync(seed);
            await page.GetByLabel("Number of symbols").FillAsync("4");
            await page.GetByLabel("Number of bars").FillAsync("1500");
            await page.GetByLabel("Start backtest").ClickAsync();
            var newest = page.GetByTestId("backtest-run").First;
            await Expect(newest).ToBeVisibleAsync(new() { Timeout = Minute });
            if (known.Length > 0)
            {
                await Expect(newest).Not.ToHaveAttributeAsync("data-run-id", new Regex("^(" + string.Join('|', known) + ")$"), new() { Timeout = Minute });
            }

            ids.Add((await newest.GetAttributeAsync("data-run-id"))!);
        }

        foreach (var id in ids)
        {
            var row = page.Locator($"[data-testid=backtest-run][data-run-id='{id}']");
            await Expect(row.GetByTestId("backtest-status")).ToHaveTextAsync("succeeded", new() { Timeout = 4 * Minute });
        }

        await browser.ScreenshotAsync("backtests");

        await page.GetByLabel($"Open backtest {ids[0]}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/backtests/{ids[0]}$"));
        await Expect(page.GetByTestId("backtest-run-status")).ToHaveTextAsync("succeeded");
        await Expect(page.GetByTestId("backtest-tiles")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("backtest-equity-chart").Locator("canvas").First).ToBeVisibleAsync(new() { Timeout = Minute });
        await Expect(page.GetByTestId("backtest-trades").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("r-histogram")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("backtest");

        // The full report, through the console (the signed-in browser's cookie), is a sandboxed document.
        var web = fixture.App.GetEndpoint("web", "http");
        var report = await page.Context.APIRequest.GetAsync(new Uri(web, $"export/backtests/{ids[0]}/report.html").ToString());
        Assert.Equal(200, report.Status);
        Assert.StartsWith("sandbox;", report.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("<svg", await report.TextAsync(), StringComparison.Ordinal);
        using var noRedirects = new HttpClientHandler { AllowAutoRedirect = false };
        using var anonymous = new HttpClient(noRedirects) { BaseAddress = web };
        using var refused = await anonymous.GetAsync(new Uri($"export/backtests/{ids[0]}/report.html", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(refused.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Unauthorized, $"anonymous: {(int)refused.StatusCode}");

        await browser.GoAsync("/backtests");
        await page.GetByLabel($"Compare backtest {ids[0]}").CheckAsync();
        await page.GetByLabel($"Compare backtest {ids[1]}").CheckAsync();
        await page.GetByLabel("Compare selected backtests").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/backtests/compare\\?a="));
        var comparison = page.GetByTestId("backtest-compare");
        await Expect(comparison).ToBeVisibleAsync();
        await Expect(comparison.Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(page.GetByTestId("backtest-compare-chart").Locator("canvas").First).ToBeVisibleAsync(new() { Timeout = Minute });
        await browser.ScreenshotAsync("backtest-compare");

        await browser.GoAsync("/engine?preset=sim_breakout&version=1");
        await Expect(page.GetByTestId("backtest-attached")).ToContainTextAsync("has a backtest");
    }
}
