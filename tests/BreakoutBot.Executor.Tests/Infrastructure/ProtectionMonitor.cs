using System.Diagnostics;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>
/// Samples, while a test runs, that every Open position has exactly one working reduce-only stop on the venue. A
/// position is judged only when the executor's view is settled (no order in flight, something left to protect, the
/// venue's quantity equal to its open quantity), and a miss counts only when it lasts <see cref="Tolerance"/> with the
/// executor's state unchanged: replacing a stop (cancel, then place) or exiting (cancel, then sell) leaves none for as
/// long as those calls take, which a rate-limited venue stretches to hundreds of milliseconds, while a lost or doubled
/// stop stays.
/// </summary>
internal sealed class ProtectionMonitor(TradingStack stack)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    private Dictionary<string, (string State, long Since)> _misses = [];
    private TimeSpan _longestMiss;

    /// <summary>How many settled samples judged each position.</summary>
    public Dictionary<string, int> Judged { get; } = [];

    public List<string> Violations { get; } = [];

    /// <summary>The longest a settled position was seen without exactly one stop (a tolerated window, for the log).</summary>
    public string LongestMiss { get; private set; } = "none";

    public async Task WatchAsync(TimeSpan interval, CancellationToken stop)
    {
        while (true)
        {
            await SampleAsync();
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SampleAsync()
    {
        await using var database = stack.Database();
        var open = await database.Positions.AsNoTracking().Where(row => row.Status == PositionRecordStatus.Open).ToListAsync(CancellationToken.None);
        var misses = new Dictionary<string, (string State, long Since)>();
        foreach (var position in open)
        {
            var orders = await database.Orders.AsNoTracking()
                .Where(order => order.PositionId == position.PositionId)
                .OrderBy(order => order.OrderId)
                .Select(order => order.OrderId + ":" + order.Status)
                .ToListAsync(CancellationToken.None);
            var symbol = InstrumentSymbol.Parse(position.Symbol);

            // Orders before quantity: a stop that fires in between shows as a changed quantity, and the sample is skipped.
            var stops = stack.Exchange.Orders(symbol, null)
                .Where(order => order.Request.Trigger is not null && order.Request.ReduceOnly)
                .Select(order => $"{order.ClientOrderId}@{order.Trigger?.Price}:{order.Status}")
                .ToList();
            var venueQuantity = stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0);
            if (position.OpenQuantity == 0 || venueQuantity != position.OpenQuantity || orders.Any(order => order.EndsWith(":Pending", StringComparison.Ordinal)))
            {
                continue;
            }

            Judged[position.PositionId] = Judged.GetValueOrDefault(position.PositionId) + 1;
            if (stops.Count == 1)
            {
                continue;
            }

            var state = $"open {position.OpenQuantity}, stop {position.Stop}, orders {string.Join(' ', orders)}";
            var since = _misses.TryGetValue(position.PositionId, out var miss) && miss.State == state ? miss.Since : Stopwatch.GetTimestamp();
            var lasted = Stopwatch.GetElapsedTime(since);
            var description = $"{position.PositionId} ({position.Symbol}) had {stops.Count} working reduce-only stops on the venue ({string.Join(' ', stops)}) "
                + $"for {lasted.TotalMilliseconds:F0} ms while the executor's state stayed: {state}";
            if (lasted >= _longestMiss)
            {
                (_longestMiss, LongestMiss) = (lasted, description);
            }

            if (lasted >= Tolerance && !Violations.Any(violation => violation.StartsWith(position.PositionId, StringComparison.Ordinal)))
            {
                Violations.Add(description);
            }

            misses[position.PositionId] = (state, since);
        }

        _misses = misses;
    }
}
