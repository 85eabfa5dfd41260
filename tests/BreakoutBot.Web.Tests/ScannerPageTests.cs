using System.Net;
using BreakoutBot.Web.Components.Pages;

namespace BreakoutBot.Web.Tests;

public class ScannerPageTests : ConsoleContext
{
    private const string Scan = """
        {"scanId":"x","at":"2026-11-26T12:00:00Z","candleOpenTime":"2026-11-26T11:55:00Z","interval":"5","presetName":"sim_breakout","presetVersion":1,
         "signalsEnabled":true,"signalsDisabledReason":null,"evaluationMilliseconds":12.5,"symbolsTracked":2,"symbolsPassed":1,
         "symbols":[
           {"symbol":"SIMBUSDT","rank":null,"score":-0.4,"passed":false,"lastPrice":2.5,"components":[],
            "filters":[{"name":"max_spread_bps","value":80,"threshold":50,"passed":false,"reason":"spread too wide"}],"levels":[],"signalId":null,"signalNotes":["filters failed"]},
           {"symbol":"SIMAUSDT","rank":1,"score":1.7,"passed":true,"lastPrice":100.5,
            "components":[{"name":"volume_surge","rawValue":2.1,"zScore":1.2,"weight":0.5,"contribution":0.6}],
            "filters":[{"name":"min_24h_volume_usd","value":5000000,"threshold":2000000,"passed":true,"reason":"ok"}],"levels":[],"signalId":null,"signalNotes":[]}]}
        """;

    [Fact]
    public void Render_Scan_RanksAndExplainsFilters()
    {
        Api.Get("/api/scanner/latest", Scan);

        var page = Render<Scanner>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=scan-row]").Count));
        var rows = page.FindAll("[data-testid=scan-row]");
        Assert.Contains("SIMAUSDT", rows[0].TextContent, StringComparison.Ordinal);
        var failed = rows[1].QuerySelector(".chip.fail")!;
        Assert.Equal("failed: 80.0000 vs threshold 50.0000 · spread too wide", failed.GetAttribute("title"));
        Assert.Equal("symbol/SIMAUSDT", rows[0].QuerySelector("a")!.GetAttribute("href"));
        var summary = rows[0].QuerySelector(".filters .chip")!;
        Assert.Equal("1/1 passed", summary.TextContent);
        Assert.Equal("min_24h_volume_usd passed: 5000000.0000 vs threshold 2000000.0000 · ok", summary.GetAttribute("title"));
    }

    [Fact]
    public void Search_FiltersRows()
    {
        Api.Get("/api/scanner/latest", Scan);
        var page = Render<Scanner>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=scan-row]").Count));

        page.Find("input[aria-label='Search symbols']").Input("simb");

        var row = Assert.Single(page.FindAll("[data-testid=scan-row]"));
        Assert.Contains("SIMBUSDT", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoScanYet_SaysWhy()
    {
        Api.Get("/api/scanner/latest", """{"title":"No data yet","status":404,"detail":"no scan has been published yet"}""", HttpStatusCode.NotFound);

        var page = Render<Scanner>();

        page.WaitForAssertion(() => Assert.Contains("No scan has been published yet", page.Find("[data-testid=scan-empty]").TextContent, StringComparison.Ordinal));
    }
}
