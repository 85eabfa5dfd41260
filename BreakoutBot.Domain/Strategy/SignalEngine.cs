using System.Globalization;
using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// The breakout strategy for one symbol: feed it every closed candle in order with the current levels, and it returns
/// at most one <see cref="BreakoutSignal"/> per candle, or the conditions that failed.
/// </summary>
/// <remarks>
/// <para>
/// Stale-data guards, all of which the original bot lacked: an open candle is never evaluated; a candle not newer
/// than the last one is rejected without touching the state; a momentum breakout needs a fresh cross (the previous
/// close on the other side of the level); a level that produced a signal never produces another; and after a signal the
/// symbol is quiet for <see cref="SignalRules.Cooldown"/>. Time is the candle's close time, so replays are deterministic.
/// </para>
/// <para>
/// The direction comes from how price crossed the level, never from a stored support/resistance label. Every fresh
/// cross beyond epsilon is recorded as a <see cref="RecordedBreakout"/> (whether or not it signalled) for retests.
/// A level that signalled on its momentum breakout is not signalled again on its retest: that would be a second
/// entry on the same idea. When both strategies fire on one bar (on different levels), <see cref="SignalRules.Priority"/>
/// picks the strategy and the higher confidence picks the level.
/// </para>
/// <para>
/// Confidence (each term in [0, 1], weights sum to 1, so the result is in [0, 1]):
/// momentum = 0.3·min(1, surge / (2·min surge)) + 0.2·body ratio + 0.2·min(1, distance beyond level / (0.5·ATR))
/// + 0.1·imbalance term + 0.2·level strength;
/// retest = 0.3·(1 − breakout age / max age) + 0.2·(1 − pierce / allowed pierce) + 0.2·min(1, activity / (2·min
/// activity)) + 0.1·imbalance term + 0.2·level strength.
/// The imbalance term is the book imbalance in the trade's direction clamped to [0, 1], or 0.5 without a book.
/// </para>
/// </remarks>
public sealed partial class SignalEngine
{
    private readonly Instrument _instrument;
    private readonly SignalRules _rules;
    private readonly AverageTrueRange _atr;
    private readonly VolumeSurge _surge;
    private readonly Queue<decimal> _volumes = new();
    private readonly List<RecordedBreakout> _breakouts = [];
    private readonly List<decimal> _signalledLevels = [];
    private readonly RecentCandles _history;
    private readonly Queue<decimal> _atrs = new();
    private decimal? _previousClose;
    private DateTimeOffset? _lastOpenTime;
    private DateTimeOffset? _lastSignalTime;

    public SignalEngine(Instrument instrument, SignalRules rules)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(rules);
        _instrument = instrument;
        _rules = rules;
        _atr = new AverageTrueRange(rules.AtrPeriod);
        _surge = new VolumeSurge(rules.VolumeWindow);
        _history = new RecentCandles(HistoryCapacity(rules));
        _densityTracker = DensityTrackerFor(instrument, rules);
    }

    public InstrumentSymbol Symbol => _instrument.Symbol;

    /// <summary>Closed bars the engine must have seen before every enabled condition can be measured (for warming it up).</summary>
    public int HistoryBarsNeeded =>
        Math.Max(_history.Capacity, Math.Max(_rules.ActivityRecentBars + _rules.ActivityBaselineBars, (_rules.MarketQuality?.VolatilityLookbackBars ?? 0) + _rules.AtrPeriod + 1));

    /// <summary>Breakouts young enough to be retested, oldest first.</summary>
    public IReadOnlyList<RecordedBreakout> Breakouts => _breakouts.AsReadOnly();

    /// <summary>Adds a breakout seen elsewhere (e.g. while warming up from stored history).</summary>
    public void RecordBreakout(RecordedBreakout breakout)
    {
        ArgumentNullException.ThrowIfNull(breakout);
        _breakouts.Add(breakout);
        _breakouts.Sort(static (left, right) => left.Time.CompareTo(right.Time));
    }

    /// <summary>Evaluates one candle against <paramref name="levels"/>; a closed, newer candle also advances the engine's state.</summary>
    public SignalEvaluation Evaluate(Candle candle, IReadOnlyList<HorizontalLevel> levels, SignalContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(candle);
        ArgumentNullException.ThrowIfNull(levels);
        context ??= SignalContext.None;
        if (!candle.IsClosed)
        {
            return Rejected(SignalRejectionCode.CandleNotClosed, string.Create(CultureInfo.InvariantCulture, $"candle {candle.OpenTime:O} is still forming"));
        }

        if (_lastOpenTime is { } last && candle.OpenTime <= last)
        {
            return Rejected(SignalRejectionCode.StaleCandle, string.Create(CultureInfo.InvariantCulture, $"candle {candle.OpenTime:O} is not after {last:O}"));
        }

        var previousClose = _previousClose;
        Advance(candle);
        var time = candle.CloseTime;
        ForgetBreakoutsTooOldAt(time);

        var rejections = new List<SignalRejection>();
        var signal = previousClose is { } previous ? Decide(candle, previous, levels, context, rejections) : null;
        if (previousClose is null)
        {
            rejections.Add(new SignalRejection(null, null, SignalRejectionCode.NotEnoughHistory, "first candle: no previous close"));
        }
        else
        {
            RecordFreshCrosses(candle, previousClose.Value, levels);
        }

        ObserveBook(time, context.Book);
        if (signal is not null)
        {
            _lastSignalTime = time;
            _signalledLevels.Add(signal.LevelPrice);
        }

        return new SignalEvaluation(signal, rejections);
    }

    private static SignalEvaluation Rejected(SignalRejectionCode code, string detail) =>
        new(null, [new SignalRejection(null, null, code, detail)]);

    /// <summary>Drops the recorded breakouts too old to be retested at <paramref name="time"/>, keeping the others in order.</summary>
    private void ForgetBreakoutsTooOldAt(DateTimeOffset time)
    {
        var kept = 0;
        for (var i = 0; i < _breakouts.Count; i++)
        {
            if (time - _breakouts[i].Time <= _rules.RetestMaxAge)
            {
                _breakouts[kept++] = _breakouts[i];
            }
        }

        _breakouts.RemoveRange(kept, _breakouts.Count - kept);
    }

    private void Advance(Candle candle)
    {
        _atr.Add(new Ohlcv((double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume));
        _surge.Add((double)candle.Volume);
        _volumes.Enqueue(candle.Volume);
        while (_volumes.Count > _rules.ActivityRecentBars + _rules.ActivityBaselineBars)
        {
            _volumes.Dequeue();
        }

        _history.Add(candle);
        if (_rules.MarketQuality is { RequireStableVolatility: true } quality && !double.IsNaN(_atr.Value))
        {
            _atrs.Enqueue((decimal)_atr.Value);
            while (_atrs.Count > quality.VolatilityLookbackBars + 1)
            {
                _atrs.Dequeue();
            }
        }

        _previousClose = candle.Close;
        _lastOpenTime = candle.OpenTime;
    }

    private BreakoutSignal? Decide(
        Candle candle, decimal previousClose, IReadOnlyList<HorizontalLevel> levels, SignalContext context, List<SignalRejection> rejections)
    {
        if (levels.Count == 0)
        {
            rejections.Add(new SignalRejection(null, null, SignalRejectionCode.NoLevels, "no levels to break"));
            return null;
        }

        var atr = context.Atr ?? (double.IsNaN(_atr.Value) ? null : (decimal)_atr.Value);
        var surge = _surge.Ratio;
        var needed = _rules.ActivityRecentBars + _rules.ActivityBaselineBars;
        if (atr is not > 0m || double.IsNaN(surge) || _volumes.Count < needed)
        {
            rejections.Add(new SignalRejection(null, null, SignalRejectionCode.NotEnoughHistory,
                string.Create(CultureInfo.InvariantCulture, $"needs ATR({_rules.AtrPeriod}), {_rules.VolumeWindow} earlier volumes and {needed} bars of activity")));
            return null;
        }

        if (_lastSignalTime is { } lastSignal && candle.CloseTime < lastSignal + _rules.Cooldown)
        {
            rejections.Add(new SignalRejection(null, null, SignalRejectionCode.Cooldown,
                string.Create(CultureInfo.InvariantCulture, $"last signal at {lastSignal:O}; quiet until {lastSignal + _rules.Cooldown:O}")));
            return null;
        }

        if (!PassesBarConditions(candle, rejections))
        {
            return null;
        }

        var bar = new BarMeasures(candle, previousClose, atr.Value, (decimal)surge, ActivityRatio(), context);
        var momentum = new List<BreakoutSignal>();
        var retest = new List<BreakoutSignal>();
        foreach (var level in levels)
        {
            if (HasSignalled(level.Price))
            {
                rejections.Add(new SignalRejection(null, level.Price, SignalRejectionCode.LevelAlreadySignalled, "this level already produced a signal"));
                continue;
            }

            if (EvaluateMomentum(level, bar, rejections) is { } momentumSignal)
            {
                momentum.Add(momentumSignal);
            }

            if (EvaluateRetest(level, bar, rejections) is { } retestSignal)
            {
                retest.Add(retestSignal);
            }
        }

        var (preferred, other) = _rules.Priority == StrategyPriority.Momentum ? (momentum, retest) : (retest, momentum);
        return Strongest(preferred) ?? Strongest(other);
    }

    /// <summary>The highest confidence, then the lowest level; the first of full ties (as a stable sort would pick).</summary>
    private static BreakoutSignal? Strongest(List<BreakoutSignal> signals)
    {
        BreakoutSignal? best = null;
        foreach (var signal in signals)
        {
            if (best is null)
            {
                best = signal;
                continue;
            }

            var byConfidence = signal.Confidence.CompareTo(best.Confidence);
            if (byConfidence > 0 || (byConfidence == 0 && signal.LevelPrice < best.LevelPrice))
            {
                best = signal;
            }
        }

        return best;
    }

    /// <summary>Mean recent volume over mean baseline volume (the oldest bars are the baseline).</summary>
    private decimal ActivityRatio()
    {
        // Summed in arrival order, as averaging each part would: decimal sums are exact unless they overflow 28 digits.
        var baselineBars = _rules.ActivityBaselineBars;
        decimal baselineSum = 0m, recentSum = 0m;
        int baselineCount = 0, recentCount = 0;
        foreach (var volume in _volumes)
        {
            if (baselineCount < baselineBars)
            {
                baselineSum += volume;
                baselineCount++;
            }
            else
            {
                recentSum += volume;
                recentCount++;
            }
        }

        if (baselineCount == 0 || recentCount == 0)
        {
            throw new InvalidOperationException("The activity ratio needs at least one baseline and one recent bar.");
        }

        var baseline = baselineSum / baselineCount;
        var recent = recentSum / recentCount;
        return baseline > 0 ? recent / baseline : recent > 0 ? 1m : 0m;
    }

    private bool HasSignalled(decimal levelPrice)
    {
        foreach (var signalled in _signalledLevels)
        {
            if (IsSameLevel(signalled, levelPrice))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest recorded breakout of the same level as <paramref name="levelPrice"/>, if any.</summary>
    private RecordedBreakout? LastBreakoutOf(decimal levelPrice)
    {
        for (var i = _breakouts.Count - 1; i >= 0; i--)
        {
            if (IsSameLevel(_breakouts[i].LevelPrice, levelPrice))
            {
                return _breakouts[i];
            }
        }

        return null;
    }

    private bool IsSameLevel(decimal left, decimal right) => Math.Abs(left - right) <= _rules.SameLevelFraction * Math.Max(left, right);

    private void RecordFreshCrosses(Candle candle, decimal previousClose, IReadOnlyList<HorizontalLevel> levels)
    {
        foreach (var level in levels)
        {
            if (FreshCross(level.Price, previousClose, candle.Close) is { } direction
                && direction.Sign() * (candle.Close - level.Price) >= _rules.BreakoutEpsilon * level.Price)
            {
                _breakouts.Add(new RecordedBreakout(level.Price, direction, candle.CloseTime));
            }
        }
    }

    /// <summary>The direction in which the close crossed <paramref name="level"/> from the previous close, if it did.</summary>
    private static PositionDirection? FreshCross(decimal level, decimal previousClose, decimal close) =>
        previousClose <= level && close > level ? PositionDirection.Long
        : previousClose >= level && close < level ? PositionDirection.Short
        : null;

    private sealed record BarMeasures(
        Candle Candle, decimal PreviousClose, decimal Atr, decimal VolumeSurge, decimal ActivityRatio, SignalContext Context);
}
