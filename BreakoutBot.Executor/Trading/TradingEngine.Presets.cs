using BreakoutBot.Data;
using BreakoutBot.Data.Presets;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// A position is managed with the preset version it was opened with (its ladder, breakeven, trailing and exit rules),
/// whatever the engine trades now; preset versions are immutable once stored, so each is loaded once and kept.
/// </summary>
public sealed partial class TradingEngine
{
    private async Task<TradingPreset?> PresetOfAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        if (position.PresetName is not { } name || position.PresetVersion is not { } version || (name == _presetName && version == _presetVersion))
        {
            return _preset;
        }

        if (_pinnedPresets.TryGetValue((name, version), out var pinned))
        {
            return pinned;
        }

        var (preset, _, errors) = await new PresetStore(database, clock).LoadAsync(name, version, cancellationToken);
        if (preset is null)
        {
            Log.PinnedPresetMissing(logger, position.PositionId, name, version, string.Join("; ", errors.Select(error => error.ToString())));
            return _preset;
        }

        _pinnedPresets[(name, version)] = preset;
        return preset;
    }
}
