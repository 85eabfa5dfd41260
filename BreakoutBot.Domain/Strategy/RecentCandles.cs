using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Strategy;

/// <summary>The last closed candles of one symbol, newest at age 0; the oldest drops out when full.</summary>
internal sealed class RecentCandles
{
    private readonly Candle[] _candles;
    private int _next;

    public RecentCandles(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _candles = new Candle[capacity];
    }

    public int Capacity => _candles.Length;

    public int Count { get; private set; }

    /// <summary>The candle <paramref name="age"/> bars before the newest (0 = the newest).</summary>
    public Candle this[int age]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(age);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(age, Count);
            var index = (_next - 1 - age) % _candles.Length;
            return _candles[index < 0 ? index + _candles.Length : index];
        }
    }

    public void Add(Candle candle)
    {
        _candles[_next] = candle;
        _next = (_next + 1) % _candles.Length;
        Count = Math.Min(Count + 1, _candles.Length);
    }
}
