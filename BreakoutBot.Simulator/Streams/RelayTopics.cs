using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator.Streams;

/// <summary>Paper mode's public topics: every interval and depth Bybit serves, for the upstream's instruments, relayed from it.</summary>
internal sealed class RelayTopics(UpstreamMarketData market, UpstreamSubscriptions upstream, WebSocketFaults faults, TimeProvider clock) : IPublicTopics
{
    public TopicFeed? Create(string topic) => topic.Split('.') switch
    {
        ["kline", var interval, var symbol] when Known(symbol) && CandleInterval.TryParseWireName(interval, out var parsed) =>
            new RelayKlineFeed(topic, parsed, upstream, clock),
        ["tickers", var symbol] when Known(symbol) => new RelayTickerFeed(topic, upstream, clock),
        ["orderbook", var depth, var symbol] when Known(symbol) && SyntheticTopics.Depth(depth) is { } levels =>
            new RelayOrderBookFeed(topic, InstrumentSymbol.Parse(symbol), levels, upstream, faults, clock),
        ["publicTrade", var symbol] when Known(symbol) => new RelayTradeFeed(topic, upstream, clock),
        _ => null,
    };

    private bool Known(string symbol) => InstrumentSymbol.TryParse(symbol, out var parsed) && market.Find(parsed) is not null;
}
