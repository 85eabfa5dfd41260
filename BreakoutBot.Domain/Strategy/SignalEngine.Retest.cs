using System.Globalization;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

public sealed partial class SignalEngine
{
    private BreakoutSignal? EvaluateRetest(HorizontalLevel level, BarMeasures bar, List<SignalRejection> rejections)
    {
        var breakout = LastBreakoutOf(level.Price);
        if (breakout is null)
        {
            rejections.Add(new SignalRejection(BreakoutStrategy.Retest, level.Price, SignalRejectionCode.NoRecordedBreakout,
                "no breakout of this level was recorded"));
            return null;
        }

        var candle = bar.Candle;
        var age = candle.CloseTime - breakout.Time;
        if (age < _rules.RetestMinAge || age > _rules.RetestMaxAge)
        {
            var code = age < _rules.RetestMinAge ? SignalRejectionCode.BreakoutTooRecent : SignalRejectionCode.BreakoutTooOld;
            rejections.Add(new SignalRejection(BreakoutStrategy.Retest, level.Price, code,
                string.Create(CultureInfo.InvariantCulture, $"breakout {age} ago, allowed {_rules.RetestMinAge} to {_rules.RetestMaxAge}")));
            return null;
        }

        var direction = breakout.Direction;
        var isLong = direction == PositionDirection.Long;
        var failures = new List<SignalRejection>();
        void Fail(SignalRejectionCode code, string detail) =>
            failures.Add(new SignalRejection(BreakoutStrategy.Retest, level.Price, code, detail));

        // The bar must come back within the approach zone on the breakout side, and may poke through by a little.
        var reached = isLong
            ? candle.Low <= level.Price * (1 + _rules.RetestApproachFraction)
            : candle.High >= level.Price * (1 - _rules.RetestApproachFraction);
        if (!reached)
        {
            Fail(SignalRejectionCode.NotAtLevel, string.Create(CultureInfo.InvariantCulture, $"bar range {candle.Low}-{candle.High} stayed more than {_rules.RetestApproachFraction:P3} from the level"));
        }

        var pierce = isLong ? Math.Max(0m, level.Price - candle.Low) : Math.Max(0m, candle.High - level.Price);
        var allowedPierce = _rules.RetestMaxPierceAtr * bar.Atr;
        if (pierce > allowedPierce)
        {
            Fail(SignalRejectionCode.PierceTooDeep, string.Create(CultureInfo.InvariantCulture, $"pierced {pierce}, allowed {_rules.RetestMaxPierceAtr} × ATR = {allowedPierce:0.########}"));
        }

        var closedOnBreakoutSide = isLong ? candle.Close > level.Price : candle.Close < level.Price;
        if (!closedOnBreakoutSide)
        {
            Fail(SignalRejectionCode.ClosedThroughLevel, string.Create(CultureInfo.InvariantCulture, $"close {candle.Close} is not on the {direction} side of {level.Price}"));
        }

        if (bar.ActivityRatio < _rules.MinActivityRatio)
        {
            Fail(SignalRejectionCode.ActivityCollapsed, string.Create(CultureInfo.InvariantCulture, $"recent/earlier volume {bar.ActivityRatio:0.##}, needs {_rules.MinActivityRatio:0.##}"));
        }

        var imbalance = DirectionalImbalance(bar, direction);
        if (imbalance is { } directional && directional < _rules.MinImbalance)
        {
            Fail(SignalRejectionCode.ImbalanceTooWeak, string.Create(CultureInfo.InvariantCulture, $"book imbalance {directional:0.###} towards {direction}, needs {_rules.MinImbalance:0.###}"));
        }

        CheckTrend(direction, Fail);
        if (failures.Count > 0)
        {
            rejections.AddRange(failures);
            return null;
        }

        var confidence = (0.3 * Math.Clamp(1 - (age / _rules.RetestMaxAge), 0d, 1d))
            + (0.2 * (allowedPierce > 0 ? 1 - (double)(pierce / allowedPierce) : 1d))
            + (0.2 * Math.Min(1d, (double)(bar.ActivityRatio / (2 * Math.Max(_rules.MinActivityRatio, 0.01m)))))
            + (0.1 * ImbalanceTerm(imbalance))
            + (0.2 * level.Strength);
        string[] reasons =
        [
            string.Create(CultureInfo.InvariantCulture, $"retest of the {direction} breakout of {level.Price} at {breakout.Time:O} ({age} ago)"),
            string.Create(CultureInfo.InvariantCulture, $"pierce {pierce} (max {allowedPierce:0.########}), close {candle.Close}"),
            string.Create(CultureInfo.InvariantCulture, $"activity {bar.ActivityRatio:0.##} (min {_rules.MinActivityRatio:0.##})"),
            imbalance is { } shown ? string.Create(CultureInfo.InvariantCulture, $"book imbalance {shown:0.###} (min {_rules.MinImbalance:0.###})") : "no book: imbalance not checked",
        ];
        return Build(BreakoutStrategy.Retest, level, direction, bar, confidence, reasons, rejections);
    }
}
