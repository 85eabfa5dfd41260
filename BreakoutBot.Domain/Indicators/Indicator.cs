namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// A streaming indicator: feed it closed bars in order with <see cref="Add"/>; each call is O(1) (amortized at most
/// O(period) for rolling windows) and allocates nothing. Its outputs after a bar are the values the batch form gives
/// for that bar, exactly (the batch form runs this very code).
/// </summary>
public abstract class Indicator
{
    /// <summary>Names of the output fields, as used in the reference data and the CLI.</summary>
    public abstract IReadOnlyList<string> FieldNames { get; }

    /// <summary>Bars added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the next closed bar.</summary>
    public void Add(in Ohlcv bar)
    {
        Update(bar);
        Count++;
    }

    /// <summary>The current value of output field <paramref name="field"/> (an index into <see cref="FieldNames"/>); NaN = no value.</summary>
    public abstract double Output(int field);

    /// <summary>
    /// Runs this indicator over a whole series and collects every output. An indicator may run its batch in a tighter
    /// loop of its own (no virtual call per bar), with the very arithmetic of <see cref="Update"/>, so the results
    /// stay identical to adding the bars one at a time.
    /// </summary>
    public virtual IndicatorSeries Run(ReadOnlySpan<Ohlcv> bars)
    {
        var series = new IndicatorSeries(FieldNames, bars.Length);
        var columns = new double[FieldNames.Count][];
        for (var field = 0; field < columns.Length; field++)
        {
            columns[field] = series.Column(field);
        }

        for (var i = 0; i < bars.Length; i++)
        {
            Add(bars[i]);
            for (var field = 0; field < columns.Length; field++)
            {
                columns[field][i] = Output(field);
            }
        }

        return series;
    }

    /// <summary>Counts <paramref name="bars"/> bars a batch loop of the indicator's own added.</summary>
    protected void Advance(int bars) => Count += bars;

    /// <summary>Updates the state with one bar; <see cref="Count"/> is the bar's index while this runs.</summary>
    protected abstract void Update(in Ohlcv bar);
}
