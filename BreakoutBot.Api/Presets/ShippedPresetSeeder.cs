using BreakoutBot.Data.Presets;

namespace BreakoutBot.Api.Presets;

/// <summary>Stores the shipped presets as version 1 at start-up when missing (the Executor may do the same; seeding is idempotent).</summary>
internal sealed class ShippedPresetSeeder(IServiceScopeFactory scopes, ILogger<ShippedPresetSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PresetStore>().SeedShippedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The Api serves what exists; presets appear once the database is reachable and seeded.
            Log.PresetSeedFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
