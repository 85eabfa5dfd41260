using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BreakoutBot.Bybit.WebSocket;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// Decoding one public push from the UTF-8 bytes a socket delivers (parse + <see cref="PublicMessageParser"/>), per
/// message: the inputs are Bybit's documented samples, compacted as the venue sends them. Messages/s = 1e9 / ns.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class BybitDecodeBenchmarks
{
    private byte[] _orderBookDelta = [];
    private byte[] _kline = [];
    private byte[] _trades = [];

    [GlobalSetup]
    public void Setup()
    {
        _orderBookDelta = Compact("public_orderbook50_delta.json");
        _kline = Compact("public_kline.json");
        _trades = Compact("public_trade.json");
    }

    [Benchmark]
    public int OrderBookDelta()
    {
        using var document = JsonDocument.Parse(_orderBookDelta);
        var message = PublicMessageParser.OrderBook(document.RootElement);
        return message.Bids.Count + message.Asks.Count;
    }

    [Benchmark]
    public int Kline()
    {
        using var document = JsonDocument.Parse(_kline);
        return PublicMessageParser.Klines(document.RootElement).Count;
    }

    [Benchmark]
    public int Trades()
    {
        using var document = JsonDocument.Parse(_trades);
        return PublicMessageParser.Trades(document.RootElement).Count;
    }

    private static readonly BreakoutBot.Domain.MarketData.InstrumentSymbol Btc = BreakoutBot.Domain.MarketData.InstrumentSymbol.Parse("BTCUSDT");

    /// <summary>The byte-level path the client takes for trades (no document).</summary>
    [Benchmark]
    public int TradesFromBytes() => PublicFrameDecoder.Trades(_trades, Btc).Count;

    /// <summary>The byte-level path the client takes for book deltas (no document).</summary>
    [Benchmark]
    public int OrderBookDeltaFromBytes()
    {
        var message = PublicFrameDecoder.OrderBook(_orderBookDelta, Btc);
        return message.Bids.Count + message.Asks.Count;
    }

    private static byte[] Compact(string resource)
    {
        using var stream = typeof(BybitDecodeBenchmarks).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded sample {resource} is missing.");
        using var document = JsonDocument.Parse(stream);
        return JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
    }
}
