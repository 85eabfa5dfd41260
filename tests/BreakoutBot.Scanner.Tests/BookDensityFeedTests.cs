using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Scanner.Market;
using BreakoutBot.Testing;

namespace BreakoutBot.Scanner.Tests;

/// <summary>The book stream reaches the signal engines' density memory between closes, sampled per symbol.</summary>
public sealed class BookDensityFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public void Offer_BooksOfAnEvaluatedSymbol_ReachItsEngineAtMostOncePerSampleInterval()
    {
        var (feed, evaluator, instrument, lastClose) = EvaluatedOnce();
        feed.Use(evaluator);

        for (var i = 0; i < 10; i++)
        {
            feed.Offer(Book(instrument, lastClose.CloseTime.AddMilliseconds(100 * i)));
        }

        Assert.Equal(1, feed.Sampled);
        feed.Offer(Book(instrument, lastClose.CloseTime + SampleInterval));
        Assert.Equal(2, feed.Sampled);
    }

    [Fact]
    public void Offer_BeforeAnyEvaluatorOrForASymbolWithoutAnEngine_IsDropped()
    {
        var (feed, evaluator, _, lastClose) = EvaluatedOnce();
        var other = SyntheticUniverse.Default[5].ToInstrument();

        feed.Offer(Book(other, lastClose.CloseTime));
        feed.Use(evaluator);
        feed.Offer(Book(other, lastClose.CloseTime.AddSeconds(5)));

        Assert.Equal(0, feed.Sampled);
    }

    [Fact]
    public void Offer_AfterTheSymbolIsForgotten_SamplesAgainAtOnce()
    {
        var (feed, evaluator, instrument, lastClose) = EvaluatedOnce();
        feed.Use(evaluator);
        feed.Offer(Book(instrument, lastClose.CloseTime));

        feed.Forget(instrument.Symbol);
        feed.Offer(Book(instrument, lastClose.CloseTime.AddMilliseconds(10)));

        Assert.Equal(2, feed.Sampled);
    }

    /// <summary>A preset with the density confirmation on, and one close of BTCUSDT evaluated (its engine exists).</summary>
    private static (BookDensityFeed Feed, CloseEvaluator Evaluator, Instrument Instrument, Candle LastClose) EvaluatedOnce()
    {
        var preset = new ActivePreset(Presets.Load("breakout_v1"), 1);
        var symbol = SyntheticUniverse.Default[0];
        var market = new SyntheticMarket(3, Start, [symbol]);
        var history = Enumerable.Range(0, 200).Select(_ => market.NextBars()[0]).ToList();
        var instrument = market.Instruments[0];
        var evaluator = new CloseEvaluator(preset, levelWindowBars: 120, TimeProvider.System);
        evaluator.Evaluate(history[^1].OpenTime, [new SymbolInputs(instrument, history, null, Book(instrument, history[^1].CloseTime), [], null)]);
        return (new BookDensityFeed(new ScannerOptions { DensitySampleInterval = SampleInterval }), evaluator, instrument, history[^1]);
    }

    private static OrderBookSnapshot Book(Instrument instrument, DateTimeOffset time) =>
        SyntheticBookAndTrades.OrderBook(instrument, new Candle(CandleInterval.FiveMinutes, time, 100m, 100m, 100m, 100m, 1m, 100m, isClosed: true), 0, 50, time);
}
