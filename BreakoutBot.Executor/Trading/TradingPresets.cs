using BreakoutBot.Data;
using BreakoutBot.Data.Presets;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The one owner of which preset the engine trades (name, version and the loaded rules) and of the earlier versions
/// its open positions were opened with. A position is managed with the version it was opened with (its ladder,
/// breakeven, trailing and exit rules), whatever the engine trades now; versions are immutable once stored, so each is
/// loaded once and kept. Used under the engine's gate.
/// </summary>
public sealed class TradingPresets(TimeProvider clock, ILogger logger)
{
    private readonly Dictionary<(string Name, int Version), TradingPreset> _pinned = [];

    /// <summary>The name of the preset the engine trades; null before any start named one.</summary>
    public string? Name { get; private set; }

    /// <summary>Its stored version.</summary>
    public int? Version { get; private set; }

    /// <summary>Its rules; null only before the first load.</summary>
    public TradingPreset? Active { get; private set; }

    /// <summary>Trades <paramref name="preset"/>, stored as <paramref name="name"/> version <paramref name="version"/>, from now on.</summary>
    public void Activate(string? name, int? version, TradingPreset? preset) => (Name, Version, Active) = (name, version, preset);

    /// <summary>
    /// Restores the persisted choice on start: the named version when it loads, else <paramref name="fallbackName"/>'s
    /// latest version (the rules to manage with), keeping the persisted name and version for the record.
    /// </summary>
    public async Task RestoreAsync(TradingDbContext database, string? name, int? version, string fallbackName, CancellationToken cancellationToken)
    {
        var store = new PresetStore(database, clock);
        var preset = name is null ? null : (await store.LoadAsync(name, version, cancellationToken)).Preset;
        preset ??= (await store.LoadAsync(fallbackName, null, cancellationToken)).Preset;
        Activate(name, version, preset);
    }

    /// <summary>The rules <paramref name="position"/> is managed with: the version it was opened with, else the active one.</summary>
    public async Task<TradingPreset?> ForPositionAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        if (position.PresetName is not { } name || position.PresetVersion is not { } version || (name == Name && version == Version))
        {
            return Active;
        }

        if (_pinned.TryGetValue((name, version), out var pinned))
        {
            return pinned;
        }

        var (preset, _, errors) = await new PresetStore(database, clock).LoadAsync(name, version, cancellationToken);
        if (preset is null)
        {
            Log.PinnedPresetMissing(logger, position.PositionId, name, version, string.Join("; ", errors.Select(error => error.ToString())));
            return Active;
        }

        _pinned[(name, version)] = preset;
        return preset;
    }
}
