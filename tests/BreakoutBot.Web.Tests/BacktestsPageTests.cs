using BreakoutBot.Web.Components.Pages;

namespace BreakoutBot.Web.Tests;

/// <summary>The Backtests page offers the data sets the backtester reports, instead of a name to type and hope for.</summary>
public class BacktestsPageTests : ConsoleContext
{
    private const string NoRuns = """{"items":[],"page":1,"pageSize":20,"total":0}""";

    public BacktestsPageTests()
    {
        Api.Get("/api/presets", PresetList)
            .Get("/api/presets/sim_breakout/versions", PresetList)
            .Get("/api/backtests", NoRuns);
    }

    [Fact]
    public void DataSetMarket_OffersTheBacktestersDataSets_AndTheChosenOneIsSent()
    {
        Api.Get("/api/backtests/data-sets", """
            [{"name":"downloaded-2025","symbols":5,"listedAt":"2026-11-26T10:00:00Z"},{"name":"recorded-paper","symbols":2,"listedAt":"2026-11-26T11:00:00Z"}]
            """)
            .On(HttpMethod.Post, "/api/backtests", """
                {"id":"0193a000-0000-7000-8000-000000000001","preset":"sim_breakout","presetVersion":2,"status":"Queued","requestedBy":"alice","requestedAt":"2026-11-26T12:00:00Z","startedAt":null,"finishedAt":null,"progress":0,"error":null,"figures":null}
                """, System.Net.HttpStatusCode.Accepted);

        var page = Render<Backtests>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("select[aria-label='Backtest preset'] option[value=sim_breakout]")));
        page.Find("select[aria-label='Backtest preset']").Change("sim_breakout");
        page.Find("select[aria-label='Backtest market']").Change("data-set");

        page.WaitForAssertion(() => Assert.Equal(
            ["", "downloaded-2025", "recorded-paper"],
            page.FindAll("select[aria-label='Data set name'] option").Select(option => option.GetAttribute("value"))));
        Assert.Contains("5 symbol(s)", page.Find("select[aria-label='Data set name']").TextContent, StringComparison.Ordinal);
        page.Find("select[aria-label='Data set name']").Change("recorded-paper");
        page.Find("button[aria-label='Start backtest']").Click();

        page.WaitForAssertion(() => Assert.Contains(Api.Requests, request => request.Method == HttpMethod.Post
            && request.Body!.Contains("\"source\":\"data-set\"", StringComparison.Ordinal) && request.Body.Contains("\"dataSet\":\"recorded-paper\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void DataSetMarket_WithoutDataSets_SaysWhereToPutThem()
    {
        Api.Get("/api/backtests/data-sets", "[]");

        var page = Render<Backtests>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("select[aria-label='Backtest market']")));
        page.Find("select[aria-label='Backtest market']").Change("data-set");

        page.WaitForAssertion(() => Assert.Contains("put a folder of SYMBOL.csv kline files in its data directory", page.Find("[data-testid=no-data-sets]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("select[aria-label='Data set name']"));
    }

    [Fact]
    public void DataSetMarket_ListUnreadable_SaysSoAndOffersNothing()
    {
        Api.Get("/api/backtests/data-sets", """{"title":"The backtester's catalog is unavailable","status":503}""", System.Net.HttpStatusCode.ServiceUnavailable);

        var page = Render<Backtests>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("select[aria-label='Backtest market']")));
        page.Find("select[aria-label='Backtest market']").Change("data-set");

        page.WaitForAssertion(() => Assert.Contains("the data sets could not be read: HTTP 503", page.Find("[data-testid=no-data-sets]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("select[aria-label='Data set name']"));
    }
}
