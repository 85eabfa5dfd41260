using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Simulator.Streams;

/// <summary>The <c>Simulator:Streams</c> configuration section: the simulated venue's WebSocket streams.</summary>
public sealed class SimulatorStreamOptions
{
    public const string SectionName = "Simulator:Streams";

    /// <summary>Topics one connection may hold; a subscribe beyond it is refused (clients shard across connections).</summary>
    [Range(1, 10_000)]
    public int MaxTopicsPerConnection { get; set; } = 200;

    /// <summary>How often (real time) changed order books, tickers, trades and closed klines are pushed.</summary>
    [Range(10, 10_000)]
    public int PushIntervalMs { get; set; } = 100;

    /// <summary>How often (real time) the forming kline is pushed again (Bybit: every 1–60 s).</summary>
    [Range(10, 60_000)]
    public int KlinePushIntervalMs { get; set; } = 1_000;

    /// <summary>Messages queued for one connection before it is closed as a slow consumer.</summary>
    [Range(16, 1_000_000)]
    public int SendQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Fault injection endpoints (<c>/sim/faults/ws-*</c>); unset follows <c>Simulator:Faults:Enabled</c> (the REST
    /// faults' switch) and, when that is unset too, is on everywhere but Production.
    /// </summary>
    public bool? FaultsEnabled { get; set; }
}
