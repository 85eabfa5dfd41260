using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.OrderFlow;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// The density confirmation (<c>entry_rules.require_density_confirmation</c>): the books given with earlier closes, and
/// those streamed in between (<see cref="ObserveBook(OrderBookSnapshot)"/>), are searched for a wall — a bucket of
/// <c>density_config.bucket_ticks</c> ticks holding
/// <c>density_confirmation_threshold</c> times the baseline (<see cref="DensityTracker"/>, over
/// <c>lookback_window_s</c>) — on the side being broken, within the approach band of the level; a momentum breakout
/// is confirmed when at least <c>enter_on_density_eat_ratio</c> of that wall is gone from the book at its close.
/// Without any book (a backtest over klines) the rule cannot be measured: the signal says so in its reasons.
/// </summary>
public sealed partial class SignalEngine
{
    private readonly DensityTracker? _densityTracker;
    private readonly List<(DateTimeOffset Seen, DensityZone Wall)> _walls = [];
    private bool _sawBook;

    private static DensityTracker? DensityTrackerFor(Instrument instrument, SignalRules rules) =>
        rules is { EntryRules.RequireDensityConfirmation: true, Density: { } density }
            ? new DensityTracker(instrument.TickSize, density with { KDensity = rules.EntryRules.DensityConfirmationThreshold })
            : null;

    /// <summary>
    /// Remembers the walls of a book seen between closes (the scanner samples the book stream), at the book's own time.
    /// Only books older than the close being judged count as "before the breakout"; without a density confirmation in
    /// the rules this does nothing.
    /// </summary>
    public void ObserveBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        ObserveBook(book.Time, book);
    }

    /// <summary>Remembers the walls of the book given with this close (after the close was judged against the earlier ones).</summary>
    private void ObserveBook(DateTimeOffset time, OrderBookSnapshot? book)
    {
        if (_densityTracker is null || book is null)
        {
            return;
        }

        _sawBook = true;
        foreach (var wall in _densityTracker.Observe(book))
        {
            _walls.Add((time, wall));
        }

        var window = TimeSpan.FromSeconds(_rules.Density!.LookbackWindowS);
        _walls.RemoveAll(seen => time - seen.Seen > window);
    }

    /// <summary>The density confirmation of a momentum breakout; returns the reason text to show with a signal.</summary>
    private string? CheckDensity(HorizontalLevel level, PositionDirection direction, DateTimeOffset time, OrderBookSnapshot? book, Action<SignalRejectionCode, string> fail)
    {
        if (_densityTracker is null)
        {
            return null;
        }

        if (!_sawBook && book is null)
        {
            return "no order book: density confirmation not checked";
        }

        var side = direction == PositionDirection.Long ? OrderSide.Sell : OrderSide.Buy;
        var threshold = _rules.EntryRules!.DensityConfirmationThreshold;
        var low = level.Price * (1 - _rules.ApproachBandFraction);
        var high = level.Price * (1 + _rules.ApproachBandFraction);
        var window = TimeSpan.FromSeconds(_rules.Density!.LookbackWindowS);
        DensityZone? wall = null;
        foreach (var (seen, candidate) in _walls)
        {
            if (seen < time && time - seen <= window && candidate.Side == side && candidate.High >= low && candidate.Low <= high && (wall is null || candidate.Quantity > wall.Quantity))
            {
                wall = candidate;
            }
        }

        var sideName = side == OrderSide.Sell ? "ask" : "bid";
        if (wall is null)
        {
            fail(SignalRejectionCode.NoDensityAtLevel, Text($"{Entry}require_density_confirmation: no {sideName} wall of {threshold}x the usual bucket within {_rules.ApproachBandFraction:P1} of the level in the last {_rules.Density.LookbackWindowS} s"));
            return null;
        }

        var remaining = book is null ? wall.Quantity : StandingIn(book, side, wall);
        var eaten = 1m - (remaining / wall.Quantity);
        if (eaten < _rules.DensityEatRatio)
        {
            fail(SignalRejectionCode.DensityNotEaten, Text($"signal_config.enter_on_density_eat_ratio: {eaten:P0} of the {wall.Quantity} {sideName} wall at {wall.Low}-{wall.High} is gone, needs {_rules.DensityEatRatio:P0}"));
            return null;
        }

        return Text($"{sideName} wall of {wall.Quantity} at {wall.Low}-{wall.High}: {eaten:P0} eaten (min {_rules.DensityEatRatio:P0})");
    }

    private static decimal StandingIn(OrderBookSnapshot book, OrderSide side, DensityZone wall)
    {
        var sum = 0m;
        foreach (var level in side == OrderSide.Sell ? book.Asks : book.Bids)
        {
            if (wall.Contains(level.Price))
            {
                sum += level.Quantity;
            }
        }

        return sum;
    }
}
