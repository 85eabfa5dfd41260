using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Lease;
using BreakoutBot.Executor.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>An executor host running in-process; stopping it is a clean shutdown that releases its lease.</summary>
internal sealed class ExecutorInstance(WebApplication app) : IAsyncDisposable
{
    private bool _stopped;

    public TradingEngine Engine => app.Services.GetRequiredService<TradingEngine>();

    public IServiceProvider Services => app.Services;

    public bool HoldsLease => app.Services.GetRequiredService<AccountLease>().IsHeld;

    public bool IsTrading => Engine.IsActive;

    public EngineState State => Engine.State;

    /// <summary>This host's activity source (one per host), to listen to its spans only.</summary>
    public System.Diagnostics.ActivitySource ActivitySource => app.Services.GetRequiredService<BreakoutBot.ServiceDefaults.ServiceTelemetry>().ActivitySource;

    /// <summary>This host's meter (one per host), to listen to its measurements only.</summary>
    public System.Diagnostics.Metrics.Meter Meter => app.Services.GetRequiredService<BreakoutBot.ServiceDefaults.ServiceTelemetry>().Meter;

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
