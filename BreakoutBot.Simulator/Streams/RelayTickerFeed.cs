using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>tickers.{symbol}</c> relayed: our client merges the upstream's snapshot and deltas into a whole ticker; we send a
/// snapshot first, then only the fields that changed. Fields our client does not decode (e.g. <c>prevPrice24h</c>,
/// <c>tickDirection</c>) are not relayed.
/// </summary>
internal sealed class RelayTickerFeed(string topic, UpstreamSubscriptions upstream, TimeProvider clock) : RelayFeed(topic, upstream)
{
    private Ticker? _pending;
    private Dictionary<string, string>? _last;
    private long _crossSequence;

    protected override void Accept(MarketStreamEvent message)
    {
        if (message is TickerReceived { Ticker: var ticker })
        {
            _pending = ticker;
        }
    }

    protected override void Reset()
    {
        _pending = null;
        _last = null;
    }

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = clock.GetUtcNow();
        lock (Inbox)
        {
            if (_pending is not { } ticker)
            {
                return [];
            }

            _pending = null;
            var fields = Fields(ticker);
            var previous = _last;
            _last = fields;
            _crossSequence++;
            if (previous is null)
            {
                return [TickerFeed.TickerFrame(Topic, "snapshot", [.. fields], _crossSequence, now)];
            }

            var changed = fields.Where(field => !previous.TryGetValue(field.Key, out var before) || before != field.Value).ToList();
            return changed.Count == 0 ? [] : [TickerFeed.TickerFrame(Topic, "delta", [new("symbol", ticker.Symbol.Value), .. changed], _crossSequence, now)];
        }
    }

    protected override byte[]? Snapshot()
    {
        lock (Inbox)
        {
            return _last is null ? null : TickerFeed.TickerFrame(Topic, "snapshot", [.. _last], _crossSequence, clock.GetUtcNow());
        }
    }

    private static Dictionary<string, string> Fields(Ticker ticker)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["symbol"] = ticker.Symbol.Value,
            ["lastPrice"] = StreamFrames.Number(ticker.LastPrice),
            ["markPrice"] = StreamFrames.Number(ticker.MarkPrice),
            ["indexPrice"] = StreamFrames.Number(ticker.IndexPrice),
            ["price24hPcnt"] = StreamFrames.Number(ticker.PriceChange24hFraction),
            ["highPrice24h"] = StreamFrames.Number(ticker.HighPrice24h),
            ["lowPrice24h"] = StreamFrames.Number(ticker.LowPrice24h),
            ["openInterest"] = StreamFrames.Number(ticker.OpenInterest),
            ["openInterestValue"] = StreamFrames.Number(ticker.OpenInterestValue),
            ["turnover24h"] = StreamFrames.Number(ticker.Turnover24h),
            ["volume24h"] = StreamFrames.Number(ticker.Volume24h),
            ["bid1Size"] = StreamFrames.Number(ticker.Bid1Size),
            ["ask1Size"] = StreamFrames.Number(ticker.Ask1Size),
        };
        Optional(fields, "bid1Price", ticker.Bid1Price);
        Optional(fields, "ask1Price", ticker.Ask1Price);
        Optional(fields, "fundingRate", ticker.FundingRate);
        if (ticker.NextFundingTime is { } next)
        {
            fields["nextFundingTime"] = StreamFrames.Millis(next);
        }

        return fields;
    }

    private static void Optional(Dictionary<string, string> fields, string name, decimal? value)
    {
        if (value is { } known)
        {
            fields[name] = StreamFrames.Number(known);
        }
    }
}
