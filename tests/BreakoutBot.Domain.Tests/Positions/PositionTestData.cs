using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Positions;

internal static class PositionTestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static readonly Instrument Btc =
        new(InstrumentSymbol.Parse("BTCUSDT"), "BTC", "USDT", ContractStatus.Trading, 0.1m, 0.1m, 2_000_000m, 0.001m, 0.001m, 1_000m, 500m, 5m, 100m);

    /// <summary>The shipped breakout_v1 position settings, with the early exits off unless a test turns them on.</summary>
    public static PositionConfig Config()
    {
        var preset = RepositoryPaths.LoadShippedPreset("breakout_v1");
        var config = preset.PositionConfig;
        return config with
        {
            TpLevels =
            [
                new TakeProfitLevel { LevelName = "tp1", RewardMultiple = 1m, SizePct = 0.5m, PlacementMode = TakeProfitPlacementMode.Fixed },
                new TakeProfitLevel { LevelName = "tp2", RewardMultiple = 3m, SizePct = 0.25m, PlacementMode = TakeProfitPlacementMode.Fixed },
            ],
            SlMode = StopLossMode.Fixed,
            BreakevenEnabled = true,
            BreakevenTriggerR = 1m,
            BreakevenBufferBps = 10m,
            TrailingEnabled = true,
            TrailingActivationR = 2m,
            TrailingStepBps = 100m,
            ExitRules = config.ExitRules with
            {
                FailedBreakoutEnabled = false,
                WeakImpulseEnabled = false,
                ActivityDropEnabled = false,
                VolatilityExitEnabled = false,
                MaxHoldTimeHours = 48m,
                TimeStopMinutes = null,
            },
        };
    }

    /// <summary>Long 1 BTC at 60,000 with the stop at 59,400 (1 R = 600).</summary>
    public static ManagedPosition Long(PositionConfig config, decimal quantity = 1m, decimal? breakoutLevel = null) =>
        PositionOpening.Open("p1", Btc, PositionDirection.Long, 60_000m, 59_400m, quantity, Start, config.TpLevels, breakoutLevel);

    /// <summary>A closed 5-minute bar number <paramref name="index"/> after the start.</summary>
    public static Candle Bar(int index, decimal open, decimal high, decimal low, decimal close) =>
        new(CandleInterval.FiveMinutes, Start.AddMinutes(5 * index), open, high, low, close, 10m, 600_000m, isClosed: true);
}
