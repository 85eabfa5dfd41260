using BreakoutBot.Web.Components.Pages;

namespace BreakoutBot.Web.Tests;

public class HomePageTests : ConsoleContext
{
    private const string EmptyPage = """{"items":[],"page":1,"pageSize":10,"total":0}""";

    public HomePageTests()
    {
        Api.Get("/api/engine/status", Status("Running"));
        Api.Get("/api/trading/positions", "[]");
        Api.Get("/api/scanner/signals", EmptyPage);
        Api.Get("/api/performance/equity", "[]");
    }

    [Fact]
    public void Render_DriftFound_ListedUnderReconciliationNewestFirst()
    {
        Api.Get("/api/trading/drift", """
            {"items":[
              {"driftId":"d2","kind":"external","symbol":"SIMBUSDT","positionId":"x1","oursQuantity":0,"venueQuantity":-3,"action":"flagged as an external position, not traded","foundAt":"2026-11-26T11:58:00Z"},
              {"driftId":"d1","kind":"unprotected","symbol":"SIMAUSDT","positionId":"p1","oursQuantity":10,"venueQuantity":10,"action":"placed again","foundAt":"2026-11-26T11:50:00Z"}],
             "page":1,"pageSize":10,"total":2}
            """);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=drift-row]").Count));
        var rows = page.FindAll("[data-testid=drift-row]");
        Assert.Equal(["external", "unprotected"], rows.Select(row => row.GetAttribute("data-drift-kind")));
        Assert.Contains("external position", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("0 → -3", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("no working stop", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("?page=1&pageSize=10", Api.Requests.Single(request => request.PathAndQuery.StartsWith("/api/trading/drift", StringComparison.Ordinal)).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void EquityCurve_IsTheLast24HoursOfTheVenuesClock_NotOurs()
    {
        // The simulator's clock stands two days ahead of ours (FakeTimeProvider: 2026-11-26 12:00).
        Api.Get("/api/engine/status", Status("Running").Replace("\"dataLag\"", "\"venueTime\":\"2026-11-28T12:00:00Z\",\"dataLag\"", StringComparison.Ordinal));
        Api.Get("/api/trading/drift", EmptyPage);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains(Api.Requests, request => request.PathAndQuery.StartsWith("/api/performance/equity", StringComparison.Ordinal)));
        var equity = Api.Requests.First(request => request.PathAndQuery.StartsWith("/api/performance/equity", StringComparison.Ordinal)).PathAndQuery;
        Assert.Contains("from=2026-11-27T12%3A00%3A00Z", equity, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoDrift_SaysTheBooksMatched()
    {
        Api.Get("/api/trading/drift", EmptyPage);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("No drift", page.Find("[data-testid=drift-empty]").TextContent, StringComparison.Ordinal));
    }
}
