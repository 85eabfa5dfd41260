using BreakoutBot.Contracts.Market;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Web.Charts;

/// <summary>What the candlestick chart draws: bars with volume, price lines (levels, stops, targets) and markers.</summary>
public sealed record CandleChartModel(
    IReadOnlyList<ChartCandle> Candles, IReadOnlyList<ChartPriceLine> Lines, IReadOnlyList<ChartMarker> Markers, int Precision, double MinMove)
{
    private const int Solid = 0;
    private const int Dashed = 2;
    private const int LargeDashed = 3;

    /// <summary>
    /// Bars from the venue; the scan's levels; each open position's entry, stop and unfilled targets; signals and our
    /// fills as markers on the bar they fall in.
    /// </summary>
    public static CandleChartModel Build(ChartData chart, IEnumerable<PositionView> openPositions)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(openPositions);
        var candles = chart.Candles.OrderBy(candle => candle.OpenTime)
            .Select(candle => new ChartCandle(candle.OpenTime.ToUnixTimeSeconds(), (double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume))
            .ToList();
        var precision = chart.Candles.Count == 0 ? 2 : Math.Min(8, chart.Candles.Max(candle => Decimals(candle.Close)));
        var lines = new List<ChartPriceLine>();
        foreach (var level in chart.Levels ?? [])
        {
            lines.Add(new ChartPriceLine((double)level.Price, level.Role == "Resistance" ? "#d29922" : "#58a6ff", 1, LargeDashed, $"{level.Role} ×{level.Touches}"));
        }

        foreach (var position in openPositions.Where(position => position.Symbol == chart.Symbol))
        {
            lines.Add(new ChartPriceLine((double)position.EntryPrice, "#c9d1d9", 1, Solid, $"entry {position.Direction}"));
            lines.Add(new ChartPriceLine((double)position.Stop, "#ef5350", 2, Dashed, $"stop ({position.StopKind})"));
            foreach (var target in position.Targets ?? [])
            {
                if (!target.IsFilled)
                {
                    lines.Add(new ChartPriceLine((double)target.Price, "#26a69a", 1, Dashed, $"{target.Name} {target.RewardMultiple}R"));
                }
            }
        }

        var markers = new List<ChartMarker>();
        foreach (var signal in chart.Signals)
        {
            var up = signal.Side == PositionDirection.Long;
            // On the bar whose close produced it (the venue's time), not when it was detected (our clock, which in the
            // simulator runs at another speed).
            markers.Add(new ChartMarker(BarTime(candles, signal.CandleOpenTime), up ? "belowBar" : "aboveBar", "#a371f7", "circle", $"signal {signal.Outcome}"));
        }

        foreach (var fill in chart.Markers)
        {
            var buy = fill.Side == OrderSide.Buy;
            markers.Add(new ChartMarker(
                BarTime(candles, fill.At), buy ? "belowBar" : "aboveBar", fill.Kind == "entry" ? "#58a6ff" : "#f0883e", buy ? "arrowUp" : "arrowDown",
                $"{(fill.Kind == "entry" ? "entry" : fill.Purpose ?? "exit")} {Format(fill.Price)}"));
        }

        return new CandleChartModel(candles, lines, [.. markers.OrderBy(marker => marker.Time)], precision, Math.Pow(10, -precision));
    }

    private static string Format(decimal price) => price.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Markers sit on a bar: the latest bar that opened at or before the time.</summary>
    private static long BarTime(List<ChartCandle> candles, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        var time = candles.Count > 0 ? candles[0].Time : seconds;
        foreach (var candle in candles)
        {
            if (candle.Time > seconds)
            {
                break;
            }

            time = candle.Time;
        }

        return time;
    }

    private static int Decimals(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
