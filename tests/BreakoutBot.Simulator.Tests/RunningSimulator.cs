using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Simulator.Tests;

/// <summary>The real simulator on a loopback port chosen by the OS, shared by the tests of this assembly.</summary>
public sealed class RunningSimulator : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync() => (_app, BaseAddress) = await StartAsync();

    public async ValueTask DisposeAsync() => await StopAsync(_app);

    internal static Task<(WebApplication App, Uri BaseAddress)> StartAsync() =>
        StartWithAsync("--Simulator:Speed=600", "--Simulator:HistoryBars=400", "--Simulator:Seed=7");

    /// <summary>A simulator of a test's own on a loopback port, with <paramref name="settings"/> (command-line style).</summary>
    internal static async Task<(WebApplication App, Uri BaseAddress)> StartWithAsync(params string[] settings)
    {
        var app = SimulatorApplication.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    internal static async Task StopAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
