using System.Runtime.CompilerServices;

namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Wilder's RSI(n) on close-to-close changes: at bar n the average gain/loss is the mean over bars 1..n, then
/// <c>(avg·(n−1) + x)/n</c>; RSI = 100 − 100/(1 + avgGain/avgLoss), and 100 when there were no losses.
/// </summary>
public sealed class RelativeStrengthIndex : Indicator
{
    private static readonly string[] Fields = ["rsi"];
    private WilderState _state = new() { PreviousClose = double.NaN };

    public RelativeStrengthIndex(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public double Value { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 14) => new RelativeStrengthIndex(period).Run(bars);

    public override double Output(int field) => Value;

    /// <summary>The batch in one loop over local state (what <see cref="Update"/> does, bar by bar, without a call per bar).</summary>
    public override IndicatorSeries Run(ReadOnlySpan<Ohlcv> bars)
    {
        var series = new IndicatorSeries(Fields, bars.Length);
        var output = series.Column(0).AsSpan(0, bars.Length);
        var state = _state;
        var value = Value;
        var index = Count;
        var i = 0;
        for (; i < bars.Length && index <= Period; i++)
        {
            value = state.Step(bars[i].Close, index++, Period, value);
            output[i] = value;
        }

        // Warmed up: Step's last branch, without its per-bar tests of the index.
        var (previous, averageGain, averageLoss) = (state.PreviousClose, state.AverageGain, state.AverageLoss);
        var (keep, period) = ((double)(Period - 1), (double)Period);
        for (; i < bars.Length; i++)
        {
            var close = bars[i].Close;
            var change = close - previous;
            previous = close;
            var size = Math.Abs(change);
            averageGain = ((averageGain * keep) + ((change + size) * 0.5)) / period;
            averageLoss = ((averageLoss * keep) + ((size - change) * 0.5)) / period;
            value = averageLoss == 0 ? 100 : 100 - (100 / (1 + (averageGain / averageLoss)));
            output[i] = value;
        }

        (state.PreviousClose, state.AverageGain, state.AverageLoss) = (previous, averageGain, averageLoss);
        _state = state;
        Value = value;
        Advance(bars.Length);
        return series;
    }

    protected override void Update(in Ohlcv bar) => Value = _state.Step(bar.Close, Count, Period, Value);

    /// <summary>Wilder's averages of gains and losses; a struct so a batch keeps it in registers.</summary>
    private struct WilderState
    {
        public double PreviousClose;
        public double AverageGain;
        public double AverageLoss;

        /// <summary>Adds the close at <paramref name="index"/> and answers the RSI after it (<paramref name="value"/> while warming up).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Step(double close, int index, int period, double value)
        {
            var change = index == 0 ? 0 : close - PreviousClose;
            PreviousClose = close;
            // Branch-free (a rise or a fall is a coin toss to the branch predictor), and exact: (x + |x|)/2 is x or 0.
            var size = Math.Abs(change);
            var gain = (change + size) * 0.5;
            var loss = (size - change) * 0.5;
            if (index == 0)
            {
                return value;
            }

            if (index < period)
            {
                AverageGain += gain;
                AverageLoss += loss;
                return value;
            }

            // The reference's arithmetic, operation for operation (its full series is matched to the last digit).
            var keep = index == period ? 1d : period - 1;
            AverageGain = ((AverageGain * keep) + gain) / period;
            AverageLoss = ((AverageLoss * keep) + loss) / period;
            return AverageLoss == 0 ? 100 : 100 - (100 / (1 + (AverageGain / AverageLoss)));
        }
    }
}
