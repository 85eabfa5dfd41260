using BreakoutBot.Web.Components.Pages;

namespace BreakoutBot.Web.Tests;

public class TradesPageTests : ConsoleContext
{
    [Fact]
    public void Export_CarriesTheFiltersToTheCsvDownload()
    {
        Api.Get("/api/trading/trades", """{"items":[],"pageNumber":1,"pageSize":50,"totalCount":0}""");
        var page = Render<Trades>();
        page.WaitForAssertion(() => page.Find("[data-testid=trades-empty]"));

        page.Find("input[aria-label='Filter by symbol']").Change("simausdt");
        page.Find("select[aria-label='Filter by direction']").Change("short");
        page.Find("form[aria-label='Trade filters']").Submit();

        page.WaitForAssertion(() => Assert.Equal("export/trades.csv?symbol=SIMAUSDT&direction=short", page.Find("[data-testid=export-csv]").GetAttribute("href")));
        Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/trading/trades?symbol=SIMAUSDT&direction=short&page=1&pageSize=50");
        Assert.Contains("match the filters", page.Find("[data-testid=trades-empty]").TextContent, StringComparison.Ordinal);
    }
}
