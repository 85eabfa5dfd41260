using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Scanner.Publishing;

/// <summary>Turns a <see cref="ScanOutcome"/> into the operator-facing <see cref="ScanSnapshot"/>.</summary>
public static class ScanSnapshotMapper
{
    private const int MaxNotesPerSymbol = 4;

    /// <summary>Rejections that only say nothing happened at a level; shown after the ones that turned a breakout down.</summary>
    private static readonly HashSet<SignalRejectionCode> Routine =
        [SignalRejectionCode.NoLevels, SignalRejectionCode.NoFreshCross, SignalRejectionCode.NoRecordedBreakout, SignalRejectionCode.NotAtLevel];

    public static ScanSnapshot ToSnapshot(
        ScanOutcome outcome, ActivePreset preset, string interval, string scanId, DateTimeOffset at, int symbolsTracked, string? signalsDisabledReason)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(preset);
        var rows = outcome.Symbols.Select(symbol => ToRow(symbol, signalsDisabledReason)).ToList();
        return new ScanSnapshot(
            scanId,
            at,
            outcome.CandleOpenTime,
            interval,
            preset.Name,
            preset.Version,
            signalsDisabledReason is null,
            signalsDisabledReason,
            outcome.Duration.TotalMilliseconds,
            symbolsTracked,
            rows.Count(row => row.Passed),
            rows);
    }

    private static ScanSymbolRow ToRow(SymbolOutcome outcome, string? signalsDisabledReason)
    {
        var evaluation = outcome.Evaluation;
        var lastPrice = evaluation.Metrics.LastClose;
        var notes = new List<string>();
        var signal = outcome.Signal?.Signal;
        if (signal is not null && !outcome.Candidate)
        {
            notes.Add("signal not emitted: the symbol is not a candidate (filters or rank)");
        }
        else if (signal is not null && signalsDisabledReason is not null)
        {
            notes.Add($"signal not emitted: {signalsDisabledReason}");
        }
        else if (signal is null && outcome.Signal is { } evaluated)
        {
            // The decisive ones first (a breakout turned down by its volume or the book, a cooldown), then the routine.
            notes.AddRange(evaluated.Rejections.OrderBy(rejection => Routine.Contains(rejection.Code)).Take(MaxNotesPerSymbol)
                .Select(rejection => $"{rejection.Code}: {rejection.Detail}"));
        }

        return new ScanSymbolRow(
            evaluation.Symbol.Value,
            outcome.Rank,
            evaluation.Score.Total,
            evaluation.PassedAllFilters,
            lastPrice,
            [.. evaluation.Score.Components.Select(component => new ScanScoreComponentRow(
                component.Component.ToString(), component.RawValue, component.ZScore, component.Weight, component.Contribution))],
            [.. evaluation.Filters.Select(filter => new ScanFilterRow(filter.Name, filter.Value, filter.Threshold, filter.Passed, filter.Reason))],
            // A level is a price a trader would quote: on the symbol's tick (the detector averages touches to finer prices).
            [.. outcome.Levels.Select(level => new ScanLevelRow(
                outcome.Instrument.RoundPriceToTick(level.Price), lastPrice is { } price ? level.RoleAt(price).ToString() : "Unknown", level.Touches, level.Strength))],
            signal is not null && outcome.Candidate && signalsDisabledReason is null ? signal.Id : null,
            notes);
    }
}
