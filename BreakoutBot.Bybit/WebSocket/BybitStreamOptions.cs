using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// The <c>Bybit:Streams</c> configuration section: where the WebSocket streams are and how the client keeps them up.
/// Point the endpoints at the simulator (<c>ws://127.0.0.1:PORT/v5/public/linear</c>) or at Bybit.
/// </summary>
public sealed class BybitStreamOptions
{
    public const string SectionName = "Bybit:Streams";

    [Required]
    public Uri PublicEndpoint { get; set; } = new("wss://stream.bybit.com/v5/public/linear");

    [Required]
    public Uri PrivateEndpoint { get; set; } = new("wss://stream.bybit.com/v5/private");

    /// <summary>How often a ping is sent (Bybit asks for one every 20 s).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A connection that delivered no frame at all (data or pong) for this long is treated as dead and replaced.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Topics per public connection; more topics open more connections (shards).</summary>
    [Range(1, 10_000)]
    public int MaxTopicsPerConnection { get; set; } = 100;

    /// <summary>Back-off before the first reconnect; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the venue's answer to auth, subscribe and unsubscribe.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Capacity of the channel between the socket and its consumer (see the stream classes for the overflow policy).</summary>
    [Range(16, 1_000_000)]
    public int ChannelCapacity { get; set; } = 10_000;

    /// <summary>Private auth: <c>expires</c> is this far in the future (Bybit users report failures with +1 s).</summary>
    public TimeSpan AuthValidity { get; set; } = TimeSpan.FromSeconds(10);
}
