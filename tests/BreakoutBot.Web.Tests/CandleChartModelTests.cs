using System.Text.Json;
using BreakoutBot.Contracts.Market;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Web.Charts;

namespace BreakoutBot.Web.Tests;

public class CandleChartModelTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_LevelsPositionsAndFills_BecomeLinesAndMarkersOnTheirBars()
    {
        var chart = new ChartData(
            "SIMAUSDT",
            "5",
            [Candle(T0, 100.1m), Candle(T0.AddMinutes(5), 100.25m)],
            [new ScanLevelRow(101m, "Resistance", 3, 0.8)],
            [],
            [new TradeMarker(T0.AddMinutes(7), "entry", "Entry", OrderSide.Buy, 100.2m, 1m, "o1", "p1")]);
        var position = new PositionView(
            "p1", null, "SIMAUSDT", PositionDirection.Long, "Open", "Signal", 100.2m, 99m, 99.5m, "Breakeven", 1m, 1m, null, null, null, 1.2m, 0m, 0m,
            [new TakeProfitTarget("tp1", 1.5m, 102m, 0.5m, false), new TakeProfitTarget("tp0", 1m, 101.4m, 0.5m, true)], 1, T0, null, null);

        var model = CandleChartModel.Build(chart, [position]);

        Assert.Equal(2, model.Precision);
        Assert.Equal([101d, 100.2d, 99.5d, 102d], model.Lines.Select(line => line.Price));
        var marker = Assert.Single(model.Markers);
        Assert.Equal(T0.AddMinutes(5).ToUnixTimeSeconds(), marker.Time);
        Assert.Equal("arrowUp", marker.Shape);
        Assert.Contains("\"close\":100.1", JsonSerializer.Serialize(model.Candles[0], Web), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Signal_MarkedOnTheBarThatProducedIt_NotAtTheWallClockTimeItWasDetected()
    {
        // Sim at speed 20: the signal of the 12:00 bar was detected at 12:01 wall-clock, when the venue is hours ahead.
        var signal = new SignalView("s1", "SIMAUSDT", PositionDirection.Short, "Momentum", 101m, 100.5m, 101.5m, 0.8, "sim_breakout", 1,
            T0, T0.AddMinutes(-200), T0.AddMinutes(-200), "Approved", null, null);
        var chart = new ChartData("SIMAUSDT", "5", [Candle(T0.AddMinutes(-205), 100m), Candle(T0.AddMinutes(-200), 100m), Candle(T0, 100.1m), Candle(T0.AddMinutes(5), 100.25m)], [], [signal], []);

        var model = CandleChartModel.Build(chart, []);

        var marker = Assert.Single(model.Markers);
        Assert.Equal(T0.ToUnixTimeSeconds(), marker.Time);
        Assert.Equal("aboveBar", marker.Position);
    }

    private static CandleView Candle(DateTimeOffset at, decimal close) => new(at, 100m, close + 1, 99m, close, 1000m, 100000m, true);
}
