using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Executor;

/// <summary>The <c>Executor</c> configuration section.</summary>
public sealed class ExecutorOptions
{
    public const string SectionName = "Executor";

    /// <summary>The trading account this executor owns; one lease and one engine-state row per account.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9_-]{1,32}$", ErrorMessage = "Executor:Account must be 1-32 lower-case letters, digits, '_' or '-'.")]
    public string Account { get; set; } = "default";

    /// <summary>This instance's consumer name in the stream groups; stable across restarts so its own pending entries come back.</summary>
    public string? ConsumerName { get; set; }

    /// <summary>How often open positions and working orders are refreshed from the venue (the REST drive).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the database is reconciled with the venue's positions and orders.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often equity is snapshotted (also on every fill) and the daily loss limit checked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan EquitySnapshotInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a standby instance tries to take the account lease.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the lease holder checks that its lease connection is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where the stop-loss lives: <c>Venue</c> (default: a reduce-only conditional order resting on the venue, so it
    /// holds while the executor is down) or <c>Local</c> (the executor watches the last price and sends a reduce-only
    /// market order; for venues without conditional orders).
    /// </summary>
    public StopPlacement StopPlacement { get; set; } = StopPlacement.Venue;

    /// <summary>Candle interval the position rules run on (Bybit wire name, e.g. 5).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ManagementInterval { get; set; } = "5";

    /// <summary>
    /// How long the venue gets to show an order whose create went unanswered: after this, an unseen order is sent again
    /// under its orderLinkId (the venue then says it exists, takes it, or refuses it), or, when a cancel was asked, ends.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LostOrderTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Let the venue's private stream (<c>Bybit:Streams:PrivateEndpoint</c>) wake the management loop on every push.</summary>
    public bool UsePrivateStream { get; set; } = true;

    /// <summary>
    /// Leverage set on each symbol before its first entry (once per lease). Risk is sized by the stop, not by leverage;
    /// leverage only decides the margin a position ties up (Bybit's initial margin = notional / leverage).
    /// </summary>
    [Range(1.0, 100.0)]
    public decimal Leverage { get; set; } = 10m;

    /// <summary>How often the offset to the venue's clock is measured again (signing uses the venue's time).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClockSyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the venue's instrument list (tick size, quantity step, minimums, status) is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan InstrumentRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
