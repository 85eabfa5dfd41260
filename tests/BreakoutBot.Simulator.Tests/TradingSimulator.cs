using Microsoft.AspNetCore.Builder;

namespace BreakoutBot.Simulator.Tests;

/// <summary>A simulator of its own for the order tests, so their fills do not change other tests' account.</summary>
public sealed class TradingSimulator : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync() => (_app, BaseAddress) = await RunningSimulator.StartAsync();

    public async ValueTask DisposeAsync() => await RunningSimulator.StopAsync(_app);
}
