using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>
/// One symbol's read position in its bars, the bounded history the scanner would hold, and the rolling 24 hours a
/// ticker reports (turnover, volume, high, low, change), derived from the bars.
/// </summary>
internal sealed class SymbolCursor : IDisposable
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private readonly IEnumerator<Candle> _bars;
    private readonly int _capacity;
    private readonly Queue<Candle> _lastDay = new();
    private decimal _dayVolume;
    private decimal _dayTurnover;

    public SymbolCursor(SymbolSeries series, int capacity)
    {
        Instrument = series.Instrument;
        _bars = series.Bars.GetEnumerator();
        Tape = series.Trades is { } trades ? new TradeTapeCursor(trades) : null;
        _capacity = capacity;
        Advance();
    }

    public Instrument Instrument { get; }

    /// <summary>The symbol's trade tape, when it has one.</summary>
    public TradeTapeCursor? Tape { get; }

    /// <summary>The next bar to process, or null when the series is over.</summary>
    public Candle? Current { get; private set; }

    /// <summary>Closed bars through the last processed one, at most twice the capacity (trimmed in blocks).</summary>
    public List<Candle> History { get; } = [];

    /// <summary>The index of <see cref="Current"/> in the series (so the last committed bar is at <c>Index - 1</c>).</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Moves <see cref="Current"/> into the history and reads the next bar.</summary>
    public void Commit()
    {
        var bar = Current ?? throw new InvalidOperationException("The series is over.");
        History.Add(bar);
        if (History.Count >= 2 * _capacity)
        {
            History.RemoveRange(0, History.Count - _capacity);
        }

        _lastDay.Enqueue(bar);
        _dayVolume += bar.Volume;
        _dayTurnover += bar.Turnover;
        while (_lastDay.Peek().OpenTime <= bar.OpenTime - Day)
        {
            var old = _lastDay.Dequeue();
            _dayVolume -= old.Volume;
            _dayTurnover -= old.Turnover;
        }

        Advance();
    }

    /// <summary>The ticker at the last processed bar's close, from the bars of the last 24 hours.</summary>
    public Ticker TickerAtClose(decimal fundingRate)
    {
        var last = History[^1];
        var first = _lastDay.Peek();
        decimal high = 0, low = decimal.MaxValue;
        foreach (var bar in _lastDay)
        {
            high = Math.Max(high, bar.High);
            low = Math.Min(low, bar.Low);
        }

        return new Ticker
        {
            Symbol = Instrument.Symbol,
            Time = last.CloseTime,
            LastPrice = last.Close,
            MarkPrice = last.Close,
            IndexPrice = last.Close,
            HighPrice24h = high,
            LowPrice24h = low,
            Volume24h = _dayVolume,
            Turnover24h = _dayTurnover,
            PriceChange24hFraction = (last.Close - first.Open) / first.Open,
            OpenInterest = 0m,
            OpenInterestValue = 0m,
            FundingRate = fundingRate,
        };
    }

    private void Advance()
    {
        Current = _bars.MoveNext() ? _bars.Current : null;
        Index++;
    }

    public void Dispose()
    {
        _bars.Dispose();
        Tape?.Dispose();
    }
}
