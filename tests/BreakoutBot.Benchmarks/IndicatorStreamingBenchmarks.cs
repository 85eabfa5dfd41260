using BenchmarkDotNet.Attributes;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// The cost of adding one closed bar to a warmed-up streaming indicator (reported per bar: each invocation adds
/// <see cref="BarsPerInvoke"/> bars and reads one output after each).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class IndicatorStreamingBenchmarks
{
    private const int BarsPerInvoke = 1_000;
    private Ohlcv[] _bars = [];
    private Indicator _indicator = null!;
    private int _next;

    [Params("sma", "ema", "atr", "bollinger", "donchian", "rsi", "adx", "macd", "supertrend", "keltner", "vwap", "obv", "chandelier", "stoch", "roc")]
    public string Name { get; set; } = "sma";

    [GlobalSetup]
    public void Setup()
    {
        _bars = SyntheticCandles.Generate(100_000);
        _indicator = IndicatorCatalog.Find(Name)!.Create();
        for (_next = 0; _next < 1_000; _next++)
        {
            _indicator.Add(_bars[_next]);
        }
    }

    [Benchmark(OperationsPerInvoke = BarsPerInvoke)]
    public double AddOneBar()
    {
        var sum = 0d;
        for (var i = 0; i < BarsPerInvoke; i++)
        {
            _indicator.Add(_bars[_next]);
            sum += _indicator.Output(0);
            _next = _next + 1 == _bars.Length ? 0 : _next + 1;
        }

        return sum;
    }
}
