using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Streams;

/// <summary>Sim mode's public topics, all computed from the synthetic market.</summary>
internal sealed class SyntheticTopics(SimulatedMarketFeed feed, FundingSchedule funding, WebSocketFaults faults, IOptions<SimulatorStreamOptions> options, TimeProvider clock) : IPublicTopics
{
    public TopicFeed? Create(string topic) => topic.Split('.') switch
    {
        ["kline", var interval, var symbol] when Known(symbol) is { } instrument && KlineInterval(interval) is { } parsed =>
            new KlineFeed(topic, instrument, parsed, feed, clock, TimeSpan.FromMilliseconds(options.Value.KlinePushIntervalMs)),
        ["tickers", var symbol] when Known(symbol) is { } instrument => new TickerFeed(topic, instrument, feed, funding),
        ["orderbook", var depth, var symbol] when Known(symbol) is { } instrument && Depth(depth) is { } levels =>
            new OrderBookFeed(topic, instrument, levels, feed, faults),
        ["publicTrade", var symbol] when Known(symbol) is { } instrument => new TradeFeed(topic, instrument, feed),
        _ => null,
    };

    /// <summary>The book depths Bybit serves on the linear stream.</summary>
    internal static int? Depth(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth is 1 or 50 or 200 or 1000 ? depth : null;

    private Instrument? Known(string symbol) =>
        InstrumentSymbol.TryParse(symbol, out var parsed) ? feed.Instruments.FirstOrDefault(instrument => instrument.Symbol == parsed) : null;

    /// <summary>Every interval Bybit streams: 1 minute up to a month.</summary>
    private static CandleInterval? KlineInterval(string wireName) =>
        CandleInterval.TryParseWireName(wireName, out var interval) ? interval : null;
}
