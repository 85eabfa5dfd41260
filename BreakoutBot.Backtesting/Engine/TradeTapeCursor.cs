namespace BreakoutBot.Backtesting.Engine;

/// <summary>
/// A symbol's trade tape read forward as the bars go: the prices inside a bar are asked for only when a bar needs
/// them (one that touches both the stop and a target), and whatever is older is skipped unread into memory.
/// </summary>
internal sealed class TradeTapeCursor(IEnumerable<(DateTimeOffset Time, decimal Price)> trades) : IDisposable
{
    private readonly IEnumerator<(DateTimeOffset Time, decimal Price)> _trades = trades.GetEnumerator();
    private bool _hasCurrent;
    private bool _started;

    /// <summary>The prices traded in [<paramref name="from"/>, <paramref name="to"/>), in tape order; empty when none.</summary>
    public List<decimal> PricesWithin(DateTimeOffset from, DateTimeOffset to)
    {
        if (!_started)
        {
            (_started, _hasCurrent) = (true, _trades.MoveNext());
        }

        while (_hasCurrent && _trades.Current.Time < from)
        {
            _hasCurrent = _trades.MoveNext();
        }

        var prices = new List<decimal>();
        while (_hasCurrent && _trades.Current.Time < to)
        {
            prices.Add(_trades.Current.Price);
            _hasCurrent = _trades.MoveNext();
        }

        return prices;
    }

    public void Dispose() => _trades.Dispose();
}
