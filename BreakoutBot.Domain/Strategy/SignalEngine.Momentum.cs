using System.Globalization;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

public sealed partial class SignalEngine
{
    private BreakoutSignal? EvaluateMomentum(HorizontalLevel level, BarMeasures bar, List<SignalRejection> rejections)
    {
        var candle = bar.Candle;
        if (FreshCross(level.Price, bar.PreviousClose, candle.Close) is not { } direction)
        {
            rejections.Add(new SignalRejection(BreakoutStrategy.Momentum, level.Price, SignalRejectionCode.NoFreshCross,
                string.Create(CultureInfo.InvariantCulture, $"previous close {bar.PreviousClose} and close {candle.Close} are on the same side of {level.Price}")));
            return null;
        }

        var sign = direction.Sign();
        var failures = new List<SignalRejection>();
        void Fail(SignalRejectionCode code, string detail) =>
            failures.Add(new SignalRejection(BreakoutStrategy.Momentum, level.Price, code, detail));

        var beyond = sign * (candle.Close - level.Price);
        if (beyond < _rules.BreakoutEpsilon * level.Price)
        {
            Fail(SignalRejectionCode.BreakoutTooShallow, string.Create(CultureInfo.InvariantCulture, $"close is {beyond / level.Price:P3} beyond the level, needs {_rules.BreakoutEpsilon:P3}"));
        }

        if (bar.VolumeSurge < _rules.MinVolumeSurge)
        {
            Fail(SignalRejectionCode.VolumeTooLow, string.Create(CultureInfo.InvariantCulture, $"volume surge {bar.VolumeSurge:0.##}x, needs {_rules.MinVolumeSurge:0.##}x"));
        }

        var body = candle.Close - candle.Open;
        var range = candle.High - candle.Low;
        var bodyRatio = range > 0 ? Math.Abs(body) / range : 0m;
        if (sign * body <= 0)
        {
            Fail(SignalRejectionCode.BodyAgainstDirection, string.Create(CultureInfo.InvariantCulture, $"candle body {body} does not point {direction}"));
        }
        else if (bodyRatio < _rules.MinBodyRatio)
        {
            Fail(SignalRejectionCode.BodyTooSmall, string.Create(CultureInfo.InvariantCulture, $"body ratio {bodyRatio:0.###}, needs {_rules.MinBodyRatio:0.###}"));
        }

        var imbalance = DirectionalImbalance(bar, direction);
        if (imbalance is { } directional && directional < _rules.MinImbalance)
        {
            Fail(SignalRejectionCode.ImbalanceTooWeak, string.Create(CultureInfo.InvariantCulture, $"book imbalance {directional:0.###} towards {direction}, needs {_rules.MinImbalance:0.###}"));
        }

        if (_rules.VwapGapMaxAtr is { } maxGapAtr && bar.Context.Vwap is { } vwap && Math.Abs(candle.Close - vwap) > maxGapAtr * bar.Atr)
        {
            Fail(SignalRejectionCode.VwapGapTooWide, string.Create(CultureInfo.InvariantCulture, $"|close − VWAP| = {Math.Abs(candle.Close - vwap)}, cap {maxGapAtr} × ATR {bar.Atr:0.########}"));
        }

        CheckTrend(direction, Fail);
        CheckBreakoutCandle(level, direction, candle, Fail);
        var density = _rules.EntryRules is { RequireDensityConfirmation: true } ? CheckDensity(level, direction, candle.CloseTime, bar.Context.Book, Fail) : null;
        if (failures.Count > 0)
        {
            rejections.AddRange(failures);
            return null;
        }

        var confidence = (0.3 * Math.Min(1d, (double)(bar.VolumeSurge / (2 * _rules.MinVolumeSurge))))
            + (0.2 * (double)bodyRatio)
            + (0.2 * Math.Min(1d, (double)(beyond / (0.5m * bar.Atr))))
            + (0.1 * ImbalanceTerm(imbalance))
            + (0.2 * level.Strength);
        string[] reasons =
        [
            string.Create(CultureInfo.InvariantCulture, $"fresh {direction} cross of {level.Price}: previous close {bar.PreviousClose}, close {candle.Close}"),
            string.Create(CultureInfo.InvariantCulture, $"volume surge {bar.VolumeSurge:0.##}x (min {_rules.MinVolumeSurge:0.##}x)"),
            string.Create(CultureInfo.InvariantCulture, $"body ratio {bodyRatio:0.###} (min {_rules.MinBodyRatio:0.###})"),
            imbalance is { } shown ? string.Create(CultureInfo.InvariantCulture, $"book imbalance {shown:0.###} (min {_rules.MinImbalance:0.###})") : "no book: imbalance not checked",
            .. density is null ? Array.Empty<string>() : [density],
        ];
        return Build(BreakoutStrategy.Momentum, level, direction, bar, confidence, reasons, rejections);
    }
}
