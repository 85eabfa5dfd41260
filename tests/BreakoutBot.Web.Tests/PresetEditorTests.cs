using System.Net;
using BreakoutBot.Web.Components.Pages;

namespace BreakoutBot.Web.Tests;

public class PresetEditorTests : ConsoleContext
{
    private const string Document = """
        {"name":"sim_breakout","version":2,"createdAt":"2026-11-26T10:00:00Z","createdBy":"seed","comment":null,
         "document":{"name":"sim_breakout","risk":{"risk_per_trade":0.015,"max_concurrent_positions":3},"universe":{"whitelist":["SIMAUSDT"],"enabled":true}}}
        """;

    public PresetEditorTests()
    {
        Api.Get("/api/presets/sim_breakout", Document)
            .Get("/api/presets/sim_breakout/versions", PresetList);
    }

    [Fact]
    public void Render_Document_GeneratesAFieldPerValue()
    {
        var page = Render<PresetEditor>(parameters => parameters.Add(p => p.Name, "sim_breakout"));

        page.WaitForAssertion(() => Assert.Equal("0.015", page.Find("input[aria-label='$.risk.risk_per_trade']").GetAttribute("value")));
        Assert.NotNull(page.Find("input[aria-label='$.universe.enabled'][type=checkbox]"));
        Assert.Contains("SIMAUSDT", page.Find("textarea[aria-label='$.universe.whitelist']").GetAttribute("value") ?? page.Find("textarea[aria-label='$.universe.whitelist']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("label[for='f-risk-risk_per_trade']"));
    }

    [Fact]
    public void Save_ServerRejects_ShowsErrorUnderTheField()
    {
        Api.On(HttpMethod.Put, "/api/presets/sim_breakout", """
            {"type":"validation","title":"Validation failed","status":400,"detail":"The preset is not valid; each error is keyed by its JSONPath in the request.",
             "errors":{"$.document.risk.risk_per_trade":["must be above 0 and at most 0.05; got 0.5"],"$.comment":["must be at most 500 characters"]}}
            """, HttpStatusCode.BadRequest);
        var page = Render<PresetEditor>(parameters => parameters.Add(p => p.Name, "sim_breakout"));
        page.WaitForAssertion(() => page.Find("input[aria-label='$.risk.risk_per_trade']"));

        page.Find("input[aria-label='$.risk.risk_per_trade']").Change("0.5");
        page.Find("form[data-testid=preset-form]").Submit();

        page.WaitForAssertion(() => Assert.Equal("must be above 0 and at most 0.05; got 0.5", page.Find("[data-testid=field-error][data-path='$.risk.risk_per_trade']").TextContent));
        Assert.Equal("true", page.Find("input[aria-label='$.risk.risk_per_trade']").GetAttribute("aria-invalid"));
        Assert.Contains("$.comment", page.Find("[data-testid=save-problem]").TextContent, StringComparison.Ordinal);
        var put = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put);
        Assert.Contains("\"risk_per_trade\":0.5", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_Accepted_ShowsTheNewVersion()
    {
        Api.On(HttpMethod.Put, "/api/presets/sim_breakout", Document.Replace("\"version\":2", "\"version\":3", StringComparison.Ordinal));
        var page = Render<PresetEditor>(parameters => parameters.Add(p => p.Name, "sim_breakout"));
        page.WaitForAssertion(() => page.Find("form[data-testid=preset-form]"));

        page.Find("form[data-testid=preset-form]").Submit();

        page.WaitForAssertion(() => Assert.Equal("Stored as version 3.", page.Find("[data-testid=save-ok]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=field-error]"));
    }
}
