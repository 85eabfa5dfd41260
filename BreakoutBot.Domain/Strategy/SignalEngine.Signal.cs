using System.Globalization;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

public sealed partial class SignalEngine
{
    private BreakoutSignal? Build(
        BreakoutStrategy strategy,
        HorizontalLevel level,
        PositionDirection direction,
        BarMeasures bar,
        double confidence,
        IReadOnlyList<string> reasons,
        List<SignalRejection> rejections)
    {
        var candle = bar.Candle;
        var book = bar.Context.Book;
        var isLong = direction == PositionDirection.Long;

        // Size and risk from what can actually be paid: the ask for a buy, the bid for a sell, not the level.
        var entry = isLong ? book?.BestAsk?.Price ?? candle.Close : book?.BestBid?.Price ?? candle.Close;
        var buffer = _rules.StopBufferAtr * bar.Atr;

        // Snapping away from the entry keeps the stop at least the buffer beyond the level.
        var stop = isLong
            ? _instrument.FloorPriceToTick(level.Price - buffer)
            : _instrument.CeilingPriceToTick(level.Price + buffer);
        if (stop <= 0 || direction.Sign() * (entry - stop) <= 0)
        {
            rejections.Add(new SignalRejection(strategy, level.Price, SignalRejectionCode.NonPositiveRisk,
                string.Create(CultureInfo.InvariantCulture, $"entry {entry}, stop {stop}: no positive distance on the {direction} side")));
            return null;
        }

        var distance = Math.Abs(entry - level.Price) / level.Price;
        if (_rules.MaxEntryDistanceFraction is { } maxDistance && distance > maxDistance)
        {
            rejections.Add(new SignalRejection(strategy, level.Price, SignalRejectionCode.EntryTooFarFromLevel,
                string.Create(CultureInfo.InvariantCulture, $"entry {entry} is {distance:P3} from the level, max {maxDistance:P3}")));
            return null;
        }

        confidence = Math.Clamp(confidence, 0d, 1d);
        if (confidence < _rules.MinConfidence)
        {
            rejections.Add(new SignalRejection(strategy, level.Price, SignalRejectionCode.ConfidenceTooLow,
                string.Create(CultureInfo.InvariantCulture, $"confidence {confidence:0.###}, needs {_rules.MinConfidence:0.###}")));
            return null;
        }

        var id = string.Create(
            CultureInfo.InvariantCulture,
            $"{Symbol.Value}-{strategy}-{direction}-{level.Price.ToString("0.############################", CultureInfo.InvariantCulture)}-{candle.OpenTime.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        return new BreakoutSignal(id, Symbol, direction, strategy, level.Price, entry, stop, confidence, candle.OpenTime, reasons);
    }

    /// <summary>Book imbalance signed towards <paramref name="direction"/> (+ = the book leans the trade's way); null without a book.</summary>
    private decimal? DirectionalImbalance(BarMeasures bar, PositionDirection direction) =>
        bar.Context.Book?.QuantityImbalance(_rules.ImbalanceBookLevels) is { } imbalance ? direction.Sign() * imbalance : null;

    private static double ImbalanceTerm(decimal? directional) =>
        directional is { } value ? Math.Clamp((double)value, 0d, 1d) : 0.5;
}
