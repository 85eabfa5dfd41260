using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// The simulator's market: a seeded <see cref="SyntheticMarket"/> advanced lazily to the simulated clock, and inside
/// every bar its trade tape (<see cref="IntrabarPath"/>), printed as simulated time passes. Simulated time starts at
/// the real start time and runs <see cref="SimulatorOptions.Speed"/> times as fast; <see cref="SimulatorOptions.HistoryBars"/>
/// bars exist before it. Each bar is made one bar ahead (its tape needs its open, high, low, close and volume) but
/// only its prints up to now are visible. Bars and tapes depend only on the seed and their index, so a restart with
/// the same seed and start shows the same market. Thread-safe.
/// </summary>
public sealed class SimulatedMarketFeed
{
    private const int BarsPerDay = 288;
    private const int TapesKept = 4;
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private readonly SyntheticMarket _market;
    private readonly List<Candle>[] _bars;
    private readonly Candle[] _forming;
    private readonly Dictionary<int, IntrabarTape>[] _tapes;
    private readonly Dictionary<InstrumentSymbol, int> _index = [];
    private readonly TimeProvider _clock;
    private readonly long _realStartTimestamp;
    private readonly DateTimeOffset _simulatedStart;
    private readonly double _speed;
    private readonly Lock _gate = new();

    public SimulatedMarketFeed(IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = options.Value;
        _clock = clock;
        _speed = settings.Speed;
        _realStartTimestamp = clock.GetTimestamp();
        _simulatedStart = clock.GetUtcNow();
        var firstBar = CandleInterval.FiveMinutes.OpenTimeContaining(_simulatedStart).AddMinutes(-5 * settings.HistoryBars);
        _market = new SyntheticMarket(settings.Seed, firstBar, SyntheticUniverse.Default.Take(settings.SymbolCount).ToList());
        _bars = [.. _market.Symbols.Select(_ => new List<Candle>(settings.HistoryBars + 1_000))];
        _tapes = [.. _market.Symbols.Select(_ => new Dictionary<int, IntrabarTape>())];
        for (var i = 0; i < _market.Symbols.Count; i++)
        {
            _index[_market.Symbols[i].Symbol] = i;
        }

        Instruments = _market.Instruments;
        _forming = [.. _market.NextBars()];
        Advance(settings.HistoryBars);
    }

    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The simulated time now.</summary>
    public DateTimeOffset Now => _simulatedStart + (_clock.GetElapsedTime(_realStartTimestamp) * _speed);

    public bool Knows(InstrumentSymbol symbol) => _index.ContainsKey(symbol);

    public Instrument InstrumentOf(InstrumentSymbol symbol) => Instruments[_index[symbol]];

    /// <summary>Closed 5-minute bars of <paramref name="symbol"/> up to now (a snapshot copy).</summary>
    public IReadOnlyList<Candle> ClosedBars(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return [.. _bars[_index[symbol]]];
        }
    }

    /// <summary>The last closed bar and the bars of the last 24 h (for tickers).</summary>
    public (Candle Last, IReadOnlyList<Candle> Day) Recent(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            CatchUp();
            var bars = _bars[_index[symbol]];
            var day = bars.GetRange(Math.Max(0, bars.Count - BarsPerDay), Math.Min(BarsPerDay, bars.Count));
            return (bars[^1], day);
        }
    }

    /// <summary>Index of the last closed bar: a deterministic seed for books and trades derived from it.</summary>
    public int BarCount(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return _bars[_index[symbol]].Count;
        }
    }

    /// <summary>The market of <paramref name="symbol"/> now: the last print and how far the tape has got.</summary>
    public MarketMoment Moment(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return MomentOf(_index[symbol], Now);
        }
    }

    /// <summary>
    /// The prints after <paramref name="cursor"/> up to now, oldest first, in at most a few segments (one per bar); a
    /// cursor older than the tapes kept starts at the oldest tape kept.
    /// </summary>
    public IReadOnlyList<PrintRange> PrintsSince(InstrumentSymbol symbol, long cursor)
    {
        lock (_gate)
        {
            CatchUp();
            var s = _index[symbol];
            var now = MomentOf(s, Now);
            var ranges = new List<PrintRange>();
            var (bar, printed) = MarketMoment.Split(cursor);
            var oldest = Math.Max(0, _bars[s].Count - (TapesKept - 1));
            if (bar < oldest)
            {
                (bar, printed) = (oldest, 0);
            }

            for (; bar <= now.BarIndex; bar++, printed = 0)
            {
                var tape = TapeOf(s, bar);
                var end = bar == now.BarIndex ? now.Printed : tape.Count;
                if (end > printed)
                {
                    ranges.Add(new PrintRange(tape, printed, end));
                }
            }

            return ranges;
        }
    }

    /// <summary>The last <paramref name="count"/> prints up to now as public trades, oldest first (from the tapes kept).</summary>
    public IReadOnlyList<Trade> RecentTrades(InstrumentSymbol symbol, int count)
    {
        lock (_gate)
        {
            CatchUp();
            var s = _index[symbol];
            var now = MomentOf(s, Now);
            var trades = new List<Trade>(count);
            for (var bar = now.BarIndex; bar >= Math.Max(0, _bars[s].Count - (TapesKept - 1)) && trades.Count < count; bar--)
            {
                var tape = TapeOf(s, bar);
                var end = bar == now.BarIndex ? now.Printed : tape.Count;
                for (var i = end - 1; i >= 0 && trades.Count < count; i--)
                {
                    trades.Add(tape.ToTrade(i));
                }
            }

            trades.Reverse();
            return trades;
        }
    }

    /// <summary>
    /// Bars of any Bybit interval, oldest first, ending with the one forming now (not closed, made of the prints so far):
    /// 5 minutes and longer from the closed 5-minute bars, 1 and 3 minutes from their tapes (the last
    /// <paramref name="limit"/> only). Bars opening after <paramref name="endOpenTime"/> are left out.
    /// </summary>
    public IReadOnlyList<Candle> Candles(InstrumentSymbol symbol, CandleInterval interval, DateTimeOffset? endOpenTime, int limit)
    {
        lock (_gate)
        {
            CatchUp();
            var s = _index[symbol];
            var now = Now;
            var moment = MomentOf(s, now);
            var formingSoFar = moment.Printed > 0 ? moment.Tape.SoFar(moment.Printed) : null;
            if (interval is CandleInterval.OneMinute or CandleInterval.ThreeMinutes)
            {
                return SubBars.FromTapes(s, interval, endOpenTime ?? now, limit, now, this);
            }

            // Only the 5-minute bars the last `limit` bars need (all of them for months, which have no fixed length).
            var bars = _bars[s];
            var first = 0;
            if (interval.FixedDuration is { } duration)
            {
                var cutoff = interval.OpenTimeContaining(endOpenTime is { } end && end < now ? end : now) - (duration * (limit - 1));
                first = (int)Math.Clamp((cutoff - bars[0].OpenTime).Ticks / FiveMinutes.Ticks, 0, bars.Count);
            }

            return SubBars.FromFiveMinuteBars(bars.GetRange(first, bars.Count - first), formingSoFar, interval, now);
        }
    }

    /// <summary>The tape of bar <paramref name="barIndex"/> of symbol number <paramref name="symbolIndex"/>; call under the lock.</summary>
    internal IntrabarTape TapeOf(int symbolIndex, int barIndex)
    {
        var tapes = _tapes[symbolIndex];
        if (tapes.TryGetValue(barIndex, out var tape))
        {
            return tape;
        }

        var bars = _bars[symbolIndex];
        var bar = barIndex == bars.Count ? _forming[symbolIndex] : bars[barIndex];
        var instrument = Instruments[symbolIndex];
        tape = IntrabarPath.Generate(instrument, bar, barIndex, SyntheticSeeds.Of(instrument.Symbol, barIndex) ^ 0x5bd1e995);
        if (barIndex >= bars.Count - (TapesKept - 1))
        {
            tapes[barIndex] = tape;
            foreach (var old in tapes.Keys.Where(index => index < bars.Count - (TapesKept - 1)).ToList())
            {
                tapes.Remove(old);
            }
        }

        return tape;
    }

    /// <summary>Closed bars of symbol number <paramref name="symbolIndex"/> (no copy); call under the lock.</summary>
    internal IReadOnlyList<Candle> BarsOf(int symbolIndex) => _bars[symbolIndex];

    private MarketMoment MomentOf(int s, DateTimeOffset now)
    {
        var barIndex = _bars[s].Count;
        var forming = TapeOf(s, barIndex);
        var printed = forming.CountAt(now);
        if (printed > 0)
        {
            return new MarketMoment(forming, printed - 1, barIndex, printed);
        }

        // Nothing printed yet in the new bar: the market is where the last bar's tape left it.
        var previous = TapeOf(s, barIndex - 1);
        return new MarketMoment(previous.Count > 0 ? previous : forming, Math.Max(0, previous.Count - 1), barIndex, 0);
    }

    private void CatchUp()
    {
        var now = Now;
        var due = (int)Math.Floor((now - _bars[0][^1].CloseTime).TotalMinutes / 5);
        if (due > 0)
        {
            Advance(due);
        }
    }

    private void Advance(int bars)
    {
        for (var i = 0; i < bars; i++)
        {
            var next = _market.NextBars();
            for (var s = 0; s < next.Count; s++)
            {
                _bars[s].Add(_forming[s]);
                _forming[s] = next[s];
            }
        }
    }
}
