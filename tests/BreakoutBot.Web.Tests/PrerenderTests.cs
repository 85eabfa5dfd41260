using BreakoutBot.Web.ApiClients;
using BreakoutBot.Web.Components.Pages;
using BreakoutBot.Web.Identity;
using BreakoutBot.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Web.Tests;

public class PrerenderTests : BunitContext
{
    private static readonly FixedConsolePeople Operator = new(new ConsolePerson("olga", "operator", null));

    [Fact]
    public void Render_Prerendering_AsksTheApiNothingAndSaysItIsWaiting()
    {
        var api = new StubApiHandler();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        Services.AddSingleton<ILiveEvents>(new FakeLiveEvents());
        Services.AddSingleton(new BreakoutBotApiClient(new HttpClient(api) { BaseAddress = new Uri("http://api.test") }, Operator, NullLogger<BreakoutBotApiClient>.Instance));
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<Positions>();

        Assert.Empty(api.Requests);
        Assert.Contains("Asking the Api", page.Markup, StringComparison.Ordinal);
    }
}
