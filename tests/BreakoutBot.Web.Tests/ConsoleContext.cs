using BreakoutBot.Web.ApiClients;
using BreakoutBot.Web.Identity;
using BreakoutBot.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Web.Tests;

/// <summary>A bUnit context with the console's services: the Api client over <see cref="Api"/>, fake live events and a fake clock.</summary>
public abstract class ConsoleContext : BunitContext
{
    protected ConsoleContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ILiveEvents>(Live);
        Services.AddSingleton(new BreakoutBotApiClient(new HttpClient(Api) { BaseAddress = new Uri("http://api.test") }, People, NullLogger<BreakoutBotApiClient>.Instance));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected StubApiHandler Api { get; } = new();

    /// <summary>Who is signed in at the console under test (an admin unless a test says otherwise).</summary>
    protected FixedConsolePeople People { get; } = new(new ConsolePerson("alice", "admin", "192.0.2.10"));

    protected FakeLiveEvents Live { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    protected static string Status(string state, bool tripped = false, string mode = "sim")
    {
        var killSwitch = tripped
            ? """{"tripped":true,"reason":"operator kill","trippedAt":"2026-11-26T11:30:00Z"}"""
            : """{"tripped":false,"reason":null,"trippedAt":null}""";
        return """
            {"state":"STATE","mode":"MODE","presetName":"sim_breakout","presetVersion":1,"since":"2026-11-26T11:00:00Z","reason":null,
             "openPositions":0,"maxPositions":3,"freeSlots":3,"dailyPnlUsd":0,"dailyPnlR":0,"tradesToday":0,"consecutiveLosses":0,"killSwitch":KILL,
             "components":[{"name":"database","status":"ok","detail":null,"lastSeenAt":"2026-11-26T12:00:00Z"}],
             "dataLag":{"lastEventAt":null,"eventAgeSeconds":null,"lastScanAt":null,"scanAgeSeconds":null}}
            """
            .Replace("STATE", state, StringComparison.Ordinal)
            .Replace("MODE", mode, StringComparison.Ordinal)
            .Replace("KILL", killSwitch, StringComparison.Ordinal);
    }

    protected const string PresetList = """
        [{"name":"sim_breakout","version":2,"description":"for the simulator","createdAt":"2026-11-26T10:00:00Z","createdBy":"seed","comment":null,"shipped":true}]
        """;
}
