using System.Net;
using BreakoutBot.Web.Components.Pages;
using BreakoutBot.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Web.Tests;

public class EnginePageTests : ConsoleContext
{
    public EnginePageTests()
    {
        Api.Get("/api/presets", PresetList)
            .Get("/api/presets/sim_breakout/versions", PresetList);
    }

    [Fact]
    public void Render_Running_OnlyValidTransitionsEnabled()
    {
        Api.Get("/api/engine/status", Status("Running"));

        var page = Render<Engine>();

        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("[data-testid=engine-state]").TextContent));
        Assert.False(Button(page, "Pause engine").HasAttribute("disabled"));
        Assert.True(Button(page, "Resume engine").HasAttribute("disabled"));
        Assert.False(Button(page, "Stop engine").HasAttribute("disabled"));
        Assert.True(Button(page, "Start engine").HasAttribute("disabled"));
        Assert.False(Button(page, "Kill engine").HasAttribute("disabled"));
        Assert.True(Button(page, "Reset kill switch").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_Emergency_ResetEnabledKillNeedsFlatten()
    {
        Api.Get("/api/engine/status", Status("Emergency", tripped: true));

        var page = Render<Engine>();

        page.WaitForAssertion(() => Assert.False(Button(page, "Reset kill switch").HasAttribute("disabled")));
        Assert.True(Button(page, "Kill engine").HasAttribute("disabled"));
        Assert.True(Button(page, "Start engine").HasAttribute("disabled"));
        page.Find("input[aria-label='Flatten all positions']").Change(true);
        Assert.False(Button(page, "Kill engine").HasAttribute("disabled"));
    }

    [Fact]
    public void Start_LiveMode_DisabledUntilThePhraseIsTypedExactly()
    {
        Api.Get("/api/engine/status", Status("Stopped", mode: "live"));

        var page = Render<Engine>();
        page.WaitForAssertion(() => Assert.Equal("Stopped", page.Find("[data-testid=engine-state]").TextContent));

        Assert.True(Button(page, "Start engine").HasAttribute("disabled"));
        page.Find("input[aria-label='Live confirmation phrase']").Input("i understand this trades real money");
        Assert.True(Button(page, "Start engine").HasAttribute("disabled"));
        page.Find("input[aria-label='Live confirmation phrase']").Input("I UNDERSTAND THIS TRADES REAL MONEY");
        Assert.False(Button(page, "Start engine").HasAttribute("disabled"));
    }

    [Fact]
    public void Start_Refused_ShowsTheApisValidationErrors()
    {
        Api.Get("/api/engine/status", Status("Stopped"))
            .On(HttpMethod.Post, "/api/engine/start", """
                {"type":"validation","title":"Validation failed","status":400,"detail":"The request is not valid; see errors.","errors":{"$.mode":["this deployment trades in 'sim' mode"]}}
                """, HttpStatusCode.BadRequest);

        var page = Render<Engine>();
        page.WaitForAssertion(() => Assert.False(Button(page, "Start engine").HasAttribute("disabled")));
        Button(page, "Start engine").Click();

        page.WaitForAssertion(() => Assert.Contains("this deployment trades in 'sim' mode", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal));
        var request = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Contains("\"preset\":\"sim_breakout\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Kill_AsksForConfirmationBeforeSending()
    {
        Api.Get("/api/engine/status", Status("Running"))
            .On(HttpMethod.Post, "/api/engine/kill", """{"commandId":"c1","kind":"Kill","accepted":true,"reason":null,"engineState":"Emergency","acknowledgedAt":"2026-11-26T12:00:01Z"}""", HttpStatusCode.Accepted);

        var page = Render<Engine>();
        page.WaitForAssertion(() => Assert.False(Button(page, "Kill engine").HasAttribute("disabled")));
        Button(page, "Kill engine").Click();

        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
        page.Find("[data-testid=confirm-box] button[aria-label=Confirm]").Click();

        page.WaitForAssertion(() => Assert.Contains("accepted; engine Emergency", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal("""{"flatten":false}""", Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post).Body);
    }

    [Fact]
    public void Start_FromAPresetVersionLink_SendsThatVersion()
    {
        Api.Get("/api/engine/status", Status("Stopped"))
            .On(HttpMethod.Post, "/api/engine/start", """{"commandId":"c3","kind":"Start","accepted":true,"reason":null,"engineState":"Starting","acknowledgedAt":"2026-11-26T12:00:01Z"}""", HttpStatusCode.Accepted);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("engine?preset=sim_breakout&version=2");

        var page = Render<Engine>();
        page.WaitForAssertion(() => Assert.False(Button(page, "Start engine").HasAttribute("disabled")));
        Button(page, "Start engine").Click();

        page.WaitForAssertion(() => Assert.Contains("accepted", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal));
        Assert.Contains("\"presetVersion\":2", Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Kill_ByAViewer_IsRefusedInTheConsole_NothingReachesTheApi()
    {
        People.Person = new ConsolePerson("victor", "viewer", "192.0.2.11");
        Api.Get("/api/engine/status", Status("Running"))
            .On(HttpMethod.Post, "/api/engine/kill", """{"commandId":"c1","kind":"Kill","accepted":true,"reason":null,"engineState":"Emergency","acknowledgedAt":"2026-11-26T12:00:01Z"}""", HttpStatusCode.Accepted);

        var page = Render<Engine>();
        page.WaitForAssertion(() => Assert.False(Button(page, "Kill engine").HasAttribute("disabled")));
        Button(page, "Kill engine").Click();
        page.Find("[data-testid=confirm-box] button[aria-label=Confirm]").Click();

        page.WaitForAssertion(() => Assert.Contains("needs the operator role", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal));
        Assert.Contains("victor with the viewer role", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void StartOnARealVenue_ByAnOperator_IsRefused_AnAdminsStartNamesTheAdmin()
    {
        People.Person = new ConsolePerson("olga", "operator", null);
        Api.Get("/api/engine/status", Status("Stopped", mode: "live"))
            .On(HttpMethod.Post, "/api/engine/start", """{"commandId":"c2","kind":"Start","accepted":true,"reason":null,"engineState":"Running","acknowledgedAt":"2026-11-26T12:00:01Z"}""", HttpStatusCode.Accepted);
        var page = Render<Engine>();
        page.WaitForAssertion(() => Assert.Equal("Stopped", page.Find("[data-testid=engine-state]").TextContent));
        page.Find("input[aria-label='Live confirmation phrase']").Input("I UNDERSTAND THIS TRADES REAL MONEY");
        Button(page, "Start engine").Click();
        page.WaitForAssertion(() => Assert.Contains("needs the admin role", page.Find("[data-testid=action-result]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);

        People.Person = new ConsolePerson("alice", "admin", "192.0.2.10");
        Button(page, "Start engine").Click();
        page.WaitForAssertion(() => Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post));
        var index = Api.Requests.FindIndex(r => r.Method == HttpMethod.Post);
        Assert.Equal(("alice", "admin"), Api.People[index]);
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<Engine> page, string label) => page.Find($"button[aria-label='{label}']");
}
