using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// The simulator's market: a seeded <see cref="SyntheticMarket"/> advanced lazily to the simulated clock. Simulated
/// time starts at the real start time and runs <see cref="SimulatorOptions.Speed"/> times as
/// fast; <see cref="SimulatorOptions.HistoryBars"/> bars exist before it. Bars depend only on the seed and their
/// index, so a restart with the same seed and start shows the same market. Thread-safe.
/// </summary>
public sealed class SimulatedMarketFeed
{
    private const int BarsPerDay = 288;
    private readonly SyntheticMarket _market;
    private readonly List<Candle>[] _bars;
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
        _bars = [.. _market.Symbols.Select(_ => new List<Candle>())];
        for (var i = 0; i < _market.Symbols.Count; i++)
        {
            _index[_market.Symbols[i].Symbol] = i;
        }

        Instruments = _market.Instruments;
        Advance(settings.HistoryBars);
    }

    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The simulated time now.</summary>
    public DateTimeOffset Now => _simulatedStart + (_clock.GetElapsedTime(_realStartTimestamp) * _speed);

    public bool Knows(InstrumentSymbol symbol) => _index.ContainsKey(symbol);

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
                _bars[s].Add(next[s]);
            }
        }
    }
}
