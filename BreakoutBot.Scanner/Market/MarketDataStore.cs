using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning;
using BreakoutBot.Domain.Scanning.Evaluation;

namespace BreakoutBot.Scanner.Market;

/// <summary>
/// The scanner's market data for its universe. The stream pump writes, the evaluation reads a consistent copy; one
/// lock serialises them (writes are tiny, the copy is one pass).
/// </summary>
public sealed class MarketDataStore(ScannerOptions options)
{
    private readonly Dictionary<InstrumentSymbol, SymbolMarketData> _symbols = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _symbols.Count;
            }
        }
    }

    public IReadOnlyList<InstrumentSymbol> Symbols
    {
        get
        {
            lock (_gate)
            {
                return [.. _symbols.Keys];
            }
        }
    }

    /// <summary>Makes the universe exactly <paramref name="instruments"/>; returns the symbols added and removed.</summary>
    public (IReadOnlyList<Instrument> Added, IReadOnlyList<InstrumentSymbol> Removed) SetUniverse(IReadOnlyList<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        lock (_gate)
        {
            var wanted = instruments.ToDictionary(instrument => instrument.Symbol);
            var removed = _symbols.Keys.Where(symbol => !wanted.ContainsKey(symbol)).ToList();
            foreach (var symbol in removed)
            {
                _symbols.Remove(symbol);
            }

            var added = new List<Instrument>();
            foreach (var instrument in instruments)
            {
                if (_symbols.TryGetValue(instrument.Symbol, out var existing))
                {
                    existing.Instrument = instrument;
                }
                else
                {
                    _symbols[instrument.Symbol] = new SymbolMarketData(
                        instrument, options.CandleCapacity, options.ParsedInterval, MarketMetricsOptions.Default.TradesWindow);
                    added.Add(instrument);
                }
            }

            return (added, removed);
        }
    }

    /// <summary>Runs <paramref name="update"/> on a symbol's data under the lock; false when the symbol is not tracked.</summary>
    public bool Update(InstrumentSymbol symbol, Action<SymbolMarketData> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            if (!_symbols.TryGetValue(symbol, out var data))
            {
                return false;
            }

            update(data);
            return true;
        }
    }

    /// <summary>Adds a closed candle to a symbol's ring; <see cref="CandleAppendResult.Ignored"/> when the symbol is not tracked.</summary>
    public CandleAppendResult AppendCandle(InstrumentSymbol symbol, Candle candle)
    {
        lock (_gate)
        {
            return _symbols.TryGetValue(symbol, out var data) ? data.Candles.Append(candle) : CandleAppendResult.Ignored;
        }
    }

    public T? Read<T>(InstrumentSymbol symbol, Func<SymbolMarketData, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return _symbols.TryGetValue(symbol, out var data) ? read(data) : default;
        }
    }

    /// <summary>A consistent copy of every symbol's data through the bar opening at <paramref name="candleOpenTime"/>.</summary>
    public IReadOnlyList<SymbolInputs> Snapshot(DateTimeOffset candleOpenTime)
    {
        lock (_gate)
        {
            return [.. _symbols.Values.Select(data => new SymbolInputs(
                data.Instrument,
                data.Candles.CopyThrough(candleOpenTime),
                data.Ticker,
                data.OrderBook,
                [.. data.RecentTrades],
                data.TradesCompleteSince,
                [.. data.OpenInterest]))];
        }
    }
}
