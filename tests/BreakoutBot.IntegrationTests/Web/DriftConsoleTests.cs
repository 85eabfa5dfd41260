using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace BreakoutBot.IntegrationTests.Web;

/// <summary>Reconciliation drift as an operator sees it: someone cancels our stop on the venue, the console says so.</summary>
public class DriftConsoleTests(DistributedAppFixture fixture)
{
    private static readonly TimeSpan PositionWait = TimeSpan.FromMinutes(14);
    private const float Minute = 60_000;

    [Fact]
    public async Task StopCancelledOnTheVenueByHand_DriftShownOnTheDashboardAndOnThePosition()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await fixture.EnsureEngineRunningAsync();
        await using var database = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("breakoutdb", cancellation));
        await database.OpenAsync(cancellation);
        using var venueHttp = fixture.App.CreateHttpClient("exchange-sim");
        var venue = new BybitPrivateClient(venueHttp, new BybitCredentials("sim-api-key", "sim-api-secret"), TimeProvider.System);

        // An open position's working stop, cancelled on the venue by hand (retried with the next one should it fill or move first).
        (string PositionId, string Symbol)? cancelled = null;
        var waited = Stopwatch.StartNew();
        while (cancelled is null && waited.Elapsed < PositionWait)
        {
            await fixture.EnsureEngineRunningAsync();
            if (await WorkingStopAsync(database) is { } stop)
            {
                try
                {
                    await venue.CancelOrderAsync(InstrumentSymbol.Parse(stop.Symbol), stop.OrderId, cancellation);
                    cancelled = (stop.PositionId, stop.Symbol);
                }
                catch (BybitApiException)
                {
                    // Filled, replaced or cancelled by the executor a moment ago: take the next.
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        }

        if (cancelled is not { } target)
        {
            Assert.Fail($"no open position with a working stop within {PositionWait}:{Environment.NewLine}{await fixture.DescribeRecentSignalsAsync()}");
            return;
        }

        await using var browser = await ConsoleBrowser.OpenAsync(fixture);
        var page = browser.Page;
        await browser.GoAsync("/");
        var driftRow = page.Locator("[data-testid=drift-row][data-drift-kind=unprotected]").Filter(new() { HasText = target.Symbol });
        await Expect(driftRow.First).ToBeVisibleAsync(new() { Timeout = 2 * Minute });
        await Expect(driftRow.First).ToContainTextAsync("cancelled outside the executor");
        await page.GetByTestId("dashboard-drift").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("dashboard-drift", fullPage: false);

        // On the position itself: the positions page while it is open, and its Api view in any case.
        await browser.GoAsync("/positions");
        var row = page.Locator($"[data-position-id='{target.PositionId}']");
        if (await row.CountAsync() > 0)
        {
            await Expect(row.GetByTestId("position-drift")).ToContainTextAsync("no working stop", new() { Timeout = Minute });
            await browser.ScreenshotAsync("position-drift");
        }

        using var api = fixture.App.CreateHttpClient("api");
        api.DefaultRequestHeaders.Add("X-Api-Key", DistributedAppFixture.ConsoleApiKey);
        using var position = await api.GetJsonAsync($"/api/trading/positions/{target.PositionId}");
        var drift = position.RootElement.GetProperty("drift");
        Assert.Contains(drift.EnumerateArray(), finding => finding.GetProperty("kind").GetString() == "unprotected");
    }

    private static async Task<(string OrderId, string PositionId, string Symbol)?> WorkingStopAsync(NpgsqlConnection database)
    {
        await using var query = new NpgsqlCommand("""
            SELECT o.order_id, o.position_id, o.symbol FROM orders o JOIN positions p ON p.position_id = o.position_id
            WHERE p.status = 'Open' AND o.purpose = 'StopLoss'
              AND o.status NOT IN ('Pending', 'Filled', 'Cancelled', 'Rejected', 'Deactivated', 'PartiallyFilledCanceled')
            ORDER BY p.opened_at DESC LIMIT 1
            """, database);
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        return await reader.ReadAsync(TestContext.Current.CancellationToken) ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }
}
