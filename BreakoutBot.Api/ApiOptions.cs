using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Api;

/// <summary>The <c>Api</c> configuration section (keys, CORS and rate limits have their own types inside it).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes (presets are a few KB).</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>True (default): every read and the hub need a valid key (any role); false opens reads to anyone who reaches the port.</summary>
    public bool ReadRequiresKey { get; set; } = true;

    /// <summary>Browser origins allowed to call the Api (CORS); empty allows none.</summary>
    public IList<string> CorsOrigins { get; } = [];

    /// <summary>How long a command waits for the Executor's acknowledgement before answering 504.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Mutating requests allowed per caller per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 10_000)]
    public int RateLimitPermits { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Scan snapshots are pushed to hub clients at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ScanPushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Base address of the Bybit V5 REST venue for candles and mark prices (a service name resolves through
    /// discovery). Unset: <c>Bybit:BaseUrl</c> (what the AppHost's <c>WithMarketVenue</c> sets), else the simulator.
    /// </summary>
    public string? MarketDataUrl { get; set; }

    public const string DefaultMarketDataUrl = "http://exchange-sim";
}
