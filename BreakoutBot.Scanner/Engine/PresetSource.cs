using BreakoutBot.Data;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Domain.Scanning.Evaluation;

namespace BreakoutBot.Scanner.Engine;

/// <summary>
/// Resolves the preset to evaluate with: the one the engine runs (name and version from its state), else the latest
/// version of the default preset. Falls back to the shipped file when the database cannot be read, so scanning never
/// stops for want of a preset.
/// </summary>
public sealed class PresetSource(IServiceScopeFactory scopes, ILogger<PresetSource> logger)
{
    public async Task<ActivePreset> ResolveAsync(EngineStateChanged? engine, CancellationToken cancellationToken)
    {
        var name = engine?.PresetName ?? ShippedPresets.DefaultName;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = new PresetStore(scope.ServiceProvider.GetRequiredService<TradingDbContext>(), TimeProvider.System);
            var (preset, version, errors) = await store.LoadAsync(name, engine?.PresetVersion, cancellationToken);
            if (preset is not null)
            {
                return new ActivePreset(preset, version);
            }

            Log.PresetUnusable(logger, name, string.Join("; ", errors.Select(error => $"{error.Path}: {error.Message}")));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PresetStoreUnavailable(logger, exception.GetType().Name);
        }

        return Shipped(ShippedPresets.DefaultName);
    }

    private static ActivePreset Shipped(string name)
    {
        var (_, json) = ShippedPresets.All().Single(preset => preset.Name == name);
        var result = PresetLoader.Load(json, name);
        return new ActivePreset(result.Preset ?? throw new InvalidOperationException($"shipped preset {name} is invalid"), 1);
    }
}
