using System.Collections.Concurrent;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning.Evaluation;

namespace BreakoutBot.Scanner.Market;

/// <summary>
/// Feeds the book stream to the current preset's signal engines between closes, so the density confirmation sees the
/// walls that stood before a breakout and not only the books at closes. Books are sampled: at most one per symbol per
/// <see cref="ScannerOptions.DensitySampleInterval"/> of book time, so a busy stream costs a bounded amount of work.
/// </summary>
public sealed class BookDensityFeed(ScannerOptions options)
{
    private readonly ConcurrentDictionary<InstrumentSymbol, DateTimeOffset> _lastSampled = new();
    private CloseEvaluator? _evaluator;

    /// <summary>Books handed to an engine so far.</summary>
    public long Sampled { get; private set; }

    /// <summary>The evaluator whose engines receive the books from now on (a preset change brings a new one).</summary>
    public void Use(CloseEvaluator evaluator) => Volatile.Write(ref _evaluator, evaluator);

    /// <summary>Called by the stream pump for every book update (from its one reader task).</summary>
    public void Offer(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (Volatile.Read(ref _evaluator) is not { } evaluator
            || (_lastSampled.TryGetValue(book.Symbol, out var last) && book.Time - last < options.DensitySampleInterval))
        {
            return;
        }

        if (evaluator.TryObserveBook(book))
        {
            _lastSampled[book.Symbol] = book.Time;
            Sampled++;
        }
    }

    /// <summary>Forgets a symbol that left the universe (from the worker, while the pump may be offering books).</summary>
    public void Forget(InstrumentSymbol symbol) => _lastSampled.TryRemove(symbol, out _);
}
