using System.Net;
using BreakoutBot.Web.Components.Pages;

namespace BreakoutBot.Web.Tests;

public class PositionsPageTests : ConsoleContext
{
    private const string OnePosition = """
        [{"positionId":"p1","signalId":"s1","symbol":"SIMAUSDT","direction":"long","status":"Open","origin":"Signal","entryPrice":100.5,"initialStop":99.5,"stop":99.5,"stopKind":"Initial",
          "originalQuantity":10,"openQuantity":10,"markPrice":101.5,"unrealizedPnl":10,"unrealizedR":1,"initialRiskUsd":10,"realizedPnl":0,"fees":0.1,
          "targets":[{"name":"tp1","rewardMultiple":1.5,"price":102,"quantity":5,"isFilled":false}],"barsHeld":3,"openedAt":"2026-11-26T11:45:00Z","closedAt":null,"exitReason":null}]
        """;

    [Fact]
    public void Render_NoPositions_SaysWhy()
    {
        Api.Get("/api/trading/positions", "[]");

        var page = Render<Positions>();

        page.WaitForAssertion(() => Assert.Contains("No open positions", page.Find("[data-testid=positions-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Position_ShowsLivePnlLadderAndAge()
    {
        Api.Get("/api/trading/positions", OnePosition);

        var page = Render<Positions>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));
        var row = page.Find("[data-testid=position-row]");
        Assert.Contains("+10.00 $", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("+1.00 R", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.5 R 102", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("15m 0s", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AgeFromTheApi_OnTheVenuesClockNotOurs()
    {
        Api.Get("/api/trading/positions", OnePosition.Replace("\"exitReason\":null}", "\"exitReason\":null,\"ageSeconds\":7260}", StringComparison.Ordinal));

        var page = Render<Positions>();

        page.WaitForAssertion(() => Assert.Contains("2h 1m", page.Find("[data-testid=position-row]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PositionWithoutAWorkingStop_IsFlaggedInRedWithHowLong()
    {
        Api.Get("/api/trading/positions", OnePosition.Replace("\"exitReason\":null}", "\"exitReason\":null,\"unprotectedSince\":\"2026-11-26T11:59:18Z\",\"unprotectedSeconds\":42}", StringComparison.Ordinal));

        var page = Render<Positions>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));
        var flag = page.Find("[data-testid=position-unprotected]");
        Assert.Equal("no working stop for 42s", flag.TextContent);
        Assert.Contains("negative", flag.ClassList);
        Assert.Equal("alert", flag.GetAttribute("role"));
    }

    [Fact]
    public void Render_PositionWithDriftAndAnEntryInProgress_ShowsBoth()
    {
        Api.Get("/api/trading/positions", OnePosition.Replace("\"exitReason\":null}", """
            "exitReason":null,
            "entry":{"slicesPlanned":4,"plannedQuantity":10,"slicesSent":2,"filledQuantity":4.5,"passive":true,"startedAt":"2026-11-26T11:45:00Z","deadline":"2026-11-26T11:46:00Z","stoppedReason":null},
            "drift":[{"driftId":"d1","kind":"unprotected","symbol":"SIMAUSDT","positionId":"p1","oursQuantity":10,"venueQuantity":10,"action":"placed again","foundAt":"2026-11-26T11:50:00Z"}]}
            """, StringComparison.Ordinal));

        var page = Render<Positions>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));
        Assert.Equal("entry 2/4 slices, 4.5/10 filled", page.Find("[data-testid=position-entry]").TextContent);
        Assert.Contains("post-only", page.Find("[data-testid=position-entry]").GetAttribute("title"), StringComparison.Ordinal);
        var drift = page.Find("[data-testid=position-drift]");
        Assert.Equal("no working stop: placed again", drift.TextContent);
        Assert.Equal("unprotected", drift.GetAttribute("data-drift-kind"));
    }

    [Fact]
    public void Render_ProtectedPosition_HasNoFlag()
    {
        Api.Get("/api/trading/positions", OnePosition);

        var page = Render<Positions>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));
        Assert.Empty(page.FindAll("[data-testid=position-unprotected]"));
        Assert.Empty(page.FindAll("[data-testid=position-drift]"));
        Assert.Empty(page.FindAll("[data-testid=position-entry]"));
    }

    [Fact]
    public void Close_ConfirmedOnly_SendsThePercent()
    {
        Api.Get("/api/trading/positions", OnePosition)
            .On(HttpMethod.Post, "/api/trading/positions/p1/close", """{"commandId":"c2","kind":"ClosePosition","accepted":true,"reason":null,"engineState":"Running","acknowledgedAt":"2026-11-26T12:00:01Z"}""", HttpStatusCode.Accepted);
        var page = Render<Positions>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));

        page.Find("button[aria-label='Close 50% of SIMAUSDT']").Click();
        Assert.Contains("Close 50%", page.Find("[data-testid=confirm-box]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
        page.Find("[data-testid=confirm-box] button[aria-label=Confirm]").Click();

        page.WaitForAssertion(() => Assert.Contains("accepted", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal("""{"percent":50}""", Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post).Body);
    }

    [Fact]
    public void Close_Cancelled_SendsNothing()
    {
        Api.Get("/api/trading/positions", OnePosition);
        var page = Render<Positions>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));

        page.Find("button[aria-label='Move stop of SIMAUSDT to breakeven']").Click();
        page.Find("[data-testid=confirm-box] button[aria-label=Cancel]").Click();

        Assert.Empty(page.FindAll("[data-testid=confirm-box]"));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void Render_LiveEvent_ReloadsPositions()
    {
        Api.Get("/api/trading/positions", "[]");
        var page = Render<Positions>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=positions-empty]")));

        Api.Get("/api/trading/positions", OnePosition);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Live.Raise("PositionUpdated");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=position-row]")));
    }
}
