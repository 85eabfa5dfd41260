using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// The trades printed inside one bar, in time order (made by <see cref="IntrabarPath"/>): the first prints at the bar's
/// open price at its open time, the last at its close price before it ends, the extremes touch exactly its high and
/// low, and the sizes add up exactly to its volume. Immutable; a print is addressed by its index.
/// </summary>
public sealed class IntrabarTape
{
    private const int MarkWindow = 20;
    private const int IndexWindow = 5;
    private const int MoveWindow = 10;
    private readonly long[] _offsetTicks;
    private readonly decimal[] _prices;
    private readonly decimal[] _sizes;
    private readonly TakerSide[] _sides;
    private readonly decimal[] _cumulativeVolume;

    internal IntrabarTape(Instrument instrument, Candle bar, int barIndex, long[] offsetTicks, decimal[] prices, decimal[] sizes, TakerSide[] sides)
    {
        Instrument = instrument;
        Bar = bar;
        BarIndex = barIndex;
        _offsetTicks = offsetTicks;
        _prices = prices;
        _sizes = sizes;
        _sides = sides;
        _cumulativeVolume = new decimal[sizes.Length];
        var total = 0m;
        for (var i = 0; i < sizes.Length; i++)
        {
            total += sizes[i];
            _cumulativeVolume[i] = total;
        }
    }

    public Instrument Instrument { get; }

    /// <summary>The (closed) bar this tape fills in.</summary>
    public Candle Bar { get; }

    /// <summary>The bar's position in its series: part of every print's trade id.</summary>
    public int BarIndex { get; }

    public int Count => _prices.Length;

    public DateTimeOffset TimeOf(int index) => Bar.OpenTime.AddTicks(_offsetTicks[index]);

    public decimal PriceOf(int index) => _prices[index];

    public decimal SizeOf(int index) => _sizes[index];

    public TakerSide SideOf(int index) => _sides[index];

    /// <summary>How many prints happened at or before <paramref name="time"/>.</summary>
    public int CountAt(DateTimeOffset time)
    {
        var elapsed = (time - Bar.OpenTime).Ticks;
        if (elapsed < 0)
        {
            return 0;
        }

        // Upper bound: the first offset greater than the elapsed time.
        int low = 0, high = _offsetTicks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_offsetTicks[middle] <= elapsed)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Print <paramref name="index"/> as a public trade; its id is stable for the symbol, bar and index.</summary>
    public Trade ToTrade(int index) =>
        new(Instrument.Symbol, TradeId(index), TimeOf(index), _prices[index], _sizes[index], _sides[index], isBlockTrade: false);

    /// <summary>The trade id of print <paramref name="index"/> (the same on every run with the same seed).</summary>
    public string TradeId(int index) => $"{Instrument.Symbol.Value}-{BarIndex}-{index}";

    /// <summary>
    /// The bar as the first <paramref name="count"/> prints make it (open high low close and volume so far; turnover the
    /// bar's pro rata to the volume), or null before the first print. With every print it equals <see cref="Bar"/>.
    /// </summary>
    public Candle? SoFar(int count)
    {
        if (count <= 0)
        {
            return null;
        }

        if (count >= Count)
        {
            return Bar;
        }

        decimal high = _prices[0], low = _prices[0];
        for (var i = 1; i < count; i++)
        {
            high = Math.Max(high, _prices[i]);
            low = Math.Min(low, _prices[i]);
        }

        var volume = _cumulativeVolume[count - 1];
        var turnover = Bar.Volume == 0 ? 0 : decimal.Round(Bar.Turnover * volume / Bar.Volume, 4);
        return new Candle(Bar.Interval, Bar.OpenTime, _prices[0], high, low, _prices[count - 1], volume, turnover, isClosed: false);
    }

    /// <summary>Open, high, low, close and volume of the prints in [<paramref name="from"/>, <paramref name="to"/>), or null when there are none.</summary>
    public (decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover)? Summarise(int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(Count, to);
        if (from >= to)
        {
            return null;
        }

        decimal high = _prices[from], low = _prices[from], turnover = 0;
        for (var i = from; i < to; i++)
        {
            high = Math.Max(high, _prices[i]);
            low = Math.Min(low, _prices[i]);
            turnover += _prices[i] * _sizes[i];
        }

        var volume = _cumulativeVolume[to - 1] - (from == 0 ? 0 : _cumulativeVolume[from - 1]);
        return (_prices[from], high, low, _prices[to - 1], volume, turnover);
    }

    /// <summary>
    /// The mark price after print <paramref name="index"/>: the mean of the last prints (a smoothed last price, as a
    /// venue's mark follows an index rather than every print), on the tick.
    /// </summary>
    public decimal MarkPriceAt(int index) => MeanOfLast(index, MarkWindow);

    /// <summary>The index price after print <paramref name="index"/>: the mean of the last few prints, on the tick.</summary>
    public decimal IndexPriceAt(int index) => MeanOfLast(index, IndexWindow);

    /// <summary>How far, in ticks, the price moved over the last prints up to <paramref name="index"/>: how fast the market is.</summary>
    public int RecentMoveTicks(int index)
    {
        var from = Math.Max(0, index - MoveWindow);
        decimal high = _prices[from], low = _prices[from];
        for (var i = from + 1; i <= index; i++)
        {
            high = Math.Max(high, _prices[i]);
            low = Math.Min(low, _prices[i]);
        }

        return (int)Math.Min(int.MaxValue, (high - low) / Instrument.TickSize);
    }

    /// <summary>
    /// How fast the market is at print <paramref name="index"/>: the move over the last prints relative to what a random
    /// walk over this bar's range moves in as many prints (1 is ordinary, 3 and more is fast), whatever the tick.
    /// </summary>
    public double SpeedAt(int index)
    {
        var rangeTicks = (double)((Bar.High - Bar.Low) / Instrument.TickSize);
        var typical = Math.Max(1.0, rangeTicks * Math.Sqrt((double)MoveWindow / Math.Max(MoveWindow, Count)));
        return RecentMoveTicks(index) / typical;
    }

    private decimal MeanOfLast(int index, int window)
    {
        var from = Math.Max(0, index - window + 1);
        var sum = 0m;
        for (var i = from; i <= index; i++)
        {
            sum += _prices[i];
        }

        return Instrument.RoundPriceToTick(sum / (index - from + 1));
    }
}
