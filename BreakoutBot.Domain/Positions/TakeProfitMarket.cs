using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.OrderFlow;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Positions;

/// <summary>What smart take-profit placement steers around: support/resistance prices and order-book densities.</summary>
/// <param name="SupportResistance">Level prices (from the level detector over recent bars).</param>
/// <param name="Densities">Densities of the book at the entry; empty when no book is known (a backtest over klines).</param>
public sealed record TakeProfitMarket(IReadOnlyList<decimal> SupportResistance, IReadOnlyList<DensityZone> Densities)
{
    /// <summary>Nothing known: smart rungs are placed like fixed ones, except for round numbers.</summary>
    public static TakeProfitMarket None { get; } = new([], []);

    /// <summary>
    /// The levels the preset's level rules find in the last <paramref name="windowBars"/> of <paramref name="bars"/> (closed,
    /// oldest first) and the densities of <paramref name="book"/>, when given. The executor and the backtester both place
    /// rungs with this.
    /// </summary>
    public static TakeProfitMarket From(
        IReadOnlyList<Candle> bars, int windowBars, TradingPreset preset, OrderBookSnapshot? book, decimal tickSize)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(preset);
        var window = bars.Skip(Math.Max(0, bars.Count - windowBars)).ToList();
        var levels = LevelDetector.Detect(window, LevelDetectionRules.FromPreset(preset.LevelsRules)).Select(level => level.Price).ToList();
        var densities = book is null ? [] : DensityDetector.Find(book, tickSize, preset.DensityConfig);
        return new TakeProfitMarket(levels, densities);
    }
}
