using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The entry algorithm's decisions, pure: from an entry's persisted plan (<see cref="EntryProgress"/>), its entry
/// orders and the time it says which passive slices to cancel, which cut slices to complete at market, which slice is
/// due, and whether the entry is over. The engine carries them out (sizing each order to the remaining risk budget at
/// the executable price, and protecting what filled). Slice k starts <c>k × interval</c> after approval and no slice
/// starts after the deadline; a passive slice lives for its window; a cut slice is completed at market until
/// <see cref="Domain.Execution.EntryPlan.CompletionLimit"/>.
/// </summary>
internal static class EntryAlgorithm
{
    /// <summary>Why the entry stops starting slices because of its own orders (a market entry order the venue refused), or null.</summary>
    public static string? RefusalStop(IEnumerable<OrderRecord> entries) =>
        entries.FirstOrDefault(order => order.OrderType == OrderStyle.Market && order.Status == OrderRecordStatus.Rejected) is { } refused
            ? $"the venue refused entry order {refused.OrderId}: {refused.RejectReason}"
            : null;

    /// <summary>
    /// The working passive slices to cancel now: all of them when the entry no longer sends (stopped, or the engine
    /// takes no entries), else those whose passive window has passed, and all once the deadline has.
    /// </summary>
    public static IReadOnlyList<OrderRecord> PassivesToCancel(EntryProgress progress, IEnumerable<OrderRecord> entries, DateTimeOffset now, bool sending)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var elapsed = now - progress.StartedAt;
        return [.. entries.Where(order => order.OrderType == OrderStyle.Limit && !order.Status.IsTerminal()
            && (!sending || now - order.CreatedAt >= progress.PassiveWindow || elapsed >= progress.Deadline))];
    }

    /// <summary>Cut passive slices to complete at market now (slice, planned quantity): only while sending and before the completion limit.</summary>
    public static IReadOnlyList<(int Slice, decimal Quantity)> CompletionsDue(EntryProgress progress, IReadOnlyList<OrderRecord> entries, Instrument instrument, DateTimeOffset now, bool sending)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return sending && now - progress.StartedAt < progress.Plan.CompletionLimit ? [.. CutSlices(entries, instrument)] : [];
    }

    /// <summary>The slice to start now (1-based), or null: the next one once its start time has come, before the deadline.</summary>
    public static int? NextSliceDue(EntryProgress progress, IEnumerable<OrderRecord> entries, DateTimeOffset now, bool sending)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var started = StartedSlices(entries);
        var elapsed = now - progress.StartedAt;
        return sending && started < progress.Slices.Count && elapsed >= progress.Plan.StartOf(started) && elapsed < progress.Deadline ? started + 1 : null;
    }

    /// <summary>
    /// Whether the entry is over: no slice will start any more (stopped, entries not taken, all started, or past the
    /// deadline), no market completion is due, and every entry order is final.
    /// </summary>
    public static bool IsComplete(EntryProgress progress, IReadOnlyList<OrderRecord> entries, Instrument instrument, DateTimeOffset now, bool acceptsEntries)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var slicesDone = progress.StoppedReason is not null || !acceptsEntries || StartedSlices(entries) >= progress.Slices.Count || now - progress.StartedAt >= progress.Deadline;
        var completionDue = CompletionsDue(progress, entries, instrument, now, acceptsEntries && progress.StoppedReason is null).Count > 0;
        return slicesDone && !completionDue && entries.All(order => order.Status.IsTerminal());
    }

    /// <summary>The highest slice number started so far (market completions not counted); 0 before the first.</summary>
    public static int StartedSlices(IEnumerable<OrderRecord> entries) =>
        entries.Select(order => TradingIds.SliceOf(order.OrderId)).Where(id => id is { IsFallback: false }).Select(id => id!.Value.Slice).DefaultIfEmpty(0).Max();

    /// <summary>Passive slices that ended with a tradable quantity left and have no market completion yet: (slice, quantity to complete).</summary>
    public static IEnumerable<(int Slice, decimal Quantity)> CutSlices(IReadOnlyList<OrderRecord> entries, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        foreach (var order in entries.Where(order => order.OrderType == OrderStyle.Limit && order.Status.IsTerminal()))
        {
            var rest = instrument.FloorQuantityToStep(order.Quantity - order.FilledQuantity);
            if (TradingIds.SliceOf(order.OrderId) is { IsFallback: false } id
                && rest > 0 && rest >= instrument.MinimumQuantityAt(order.Price ?? order.AveragePrice ?? 1m)
                && !entries.Any(other => other.OrderId == TradingIds.EntryFallback(order.PositionId!, id.Slice)))
            {
                yield return (id.Slice, rest);
            }
        }
    }
}
