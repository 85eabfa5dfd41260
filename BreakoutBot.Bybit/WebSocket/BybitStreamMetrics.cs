using System.Diagnostics.Metrics;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Counters of the stream clients. Services create it from their own <see cref="Meter"/> (or one named
/// <see cref="MeterName"/>) so the counters are exported with the service's metrics.
/// </summary>
public sealed class BybitStreamMetrics
{
    public const string MeterName = "BreakoutBot.Bybit";

    public BybitStreamMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        BadPayloads = meter.CreateCounter<long>("bybit.ws.bad_payloads", "{message}", "Stream messages that could not be decoded (the topic is resynchronized)");
        OrderBookResyncs = meter.CreateCounter<long>("bybit.ws.orderbook_resyncs", "{resync}", "Order books dropped and resubscribed after a gap or a bad message");
        Reconnects = meter.CreateCounter<long>("bybit.ws.reconnects", "{connection}", "Stream connections lost and re-established");
        DroppedMessages = meter.CreateCounter<long>("bybit.ws.dropped_messages", "{message}", "Market messages dropped because the consumer fell behind");
    }

    /// <summary>Tags: <c>stream</c>, <c>topic</c>.</summary>
    public Counter<long> BadPayloads { get; }

    /// <summary>Tags: <c>topic</c>, <c>reason</c>.</summary>
    public Counter<long> OrderBookResyncs { get; }

    /// <summary>Tags: <c>stream</c>.</summary>
    public Counter<long> Reconnects { get; }

    /// <summary>Tags: <c>stream</c>.</summary>
    public Counter<long> DroppedMessages { get; }
}
