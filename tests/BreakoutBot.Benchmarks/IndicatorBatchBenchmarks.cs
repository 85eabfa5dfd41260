using BenchmarkDotNet.Attributes;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Benchmarks;

/// <summary>Each indicator over 100,000 five-minute bars (the reference figures in TARGETS.md use the same size).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class IndicatorBatchBenchmarks
{
    private Ohlcv[] _bars = [];

    [GlobalSetup]
    public void Setup() => _bars = SyntheticCandles.Generate(100_000);

    [Benchmark]
    public IndicatorSeries Sma20() => SimpleMovingAverage.Calculate(_bars, 20);

    [Benchmark]
    public IndicatorSeries Ema20() => ExponentialMovingAverage.Calculate(_bars, 20);

    [Benchmark]
    public IndicatorSeries Atr14() => AverageTrueRange.Calculate(_bars, 14);

    [Benchmark]
    public IndicatorSeries Bollinger20x2() => BollingerBands.Calculate(_bars, 20, 2);

    [Benchmark]
    public IndicatorSeries Donchian20() => DonchianChannels.Calculate(_bars, 20);

    [Benchmark]
    public IndicatorSeries Rsi14() => RelativeStrengthIndex.Calculate(_bars, 14);

    [Benchmark]
    public IndicatorSeries Adx14() => AverageDirectionalIndex.Calculate(_bars, 14);

    [Benchmark]
    public IndicatorSeries Macd12x26x9() => Macd.Calculate(_bars, 12, 26, 9);

    [Benchmark]
    public IndicatorSeries SuperTrend10x3() => SuperTrend.Calculate(_bars, 10, 3);

    [Benchmark]
    public IndicatorSeries Keltner20x2x10() => KeltnerChannels.Calculate(_bars, 20, 2, 10);

    [Benchmark]
    public IndicatorSeries Vwap() => VolumeWeightedAveragePrice.Calculate(_bars);

    [Benchmark]
    public IndicatorSeries Obv() => OnBalanceVolume.Calculate(_bars);

    [Benchmark]
    public IndicatorSeries Chandelier22x3() => ChandelierExit.Calculate(_bars, 22, 3);

    [Benchmark]
    public IndicatorSeries Stoch14x3x3() => Stochastic.Calculate(_bars, 14, 3, 3);

    [Benchmark]
    public IndicatorSeries Roc14() => RateOfChange.Calculate(_bars, 14);
}
