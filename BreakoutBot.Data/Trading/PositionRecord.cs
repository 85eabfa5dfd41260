using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Data.Trading;

/// <summary>A position we manage, open or closed.</summary>
public sealed class PositionRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    public required string PositionId { get; set; }

    public string? SignalId { get; set; }

    public required string Symbol { get; set; }

    public PositionDirection Direction { get; set; }

    public PositionRecordStatus Status { get; set; }

    public PositionOrigin Origin { get; set; }

    public decimal EntryPrice { get; set; }

    public decimal InitialStop { get; set; }

    public decimal Stop { get; set; }

    public StopKind StopKind { get; set; }

    public decimal OriginalQuantity { get; set; }

    public decimal OpenQuantity { get; set; }

    public decimal BestPrice { get; set; }

    public decimal? BreakoutLevel { get; set; }

    public int BarsHeld { get; set; }

    /// <summary>
    /// Open time of the last closed bar (of the management interval) the position rules were applied to; null before the
    /// first. Later bars are applied in order, so bars that closed while no executor ran are applied when one runs again.
    /// </summary>
    public DateTimeOffset? LastBarOpen { get; set; }

    /// <summary>
    /// The take-profit ladder with each target's filled state (column <c>targets_json</c>). Replace the list to change
    /// it: the records are immutable.
    /// </summary>
    public IReadOnlyList<TakeProfitTarget> Targets { get; set; } = [];

    /// <summary>How the entry is being executed (column <c>entry_plan_json</c>); null for a single market entry (<see cref="EntryProgress.Of"/>).</summary>
    public EntryProgress? EntryPlan { get; set; }

    /// <summary>Realised PnL net of fees and funding, in USDT.</summary>
    public decimal RealizedPnl { get; set; }

    public decimal Fees { get; set; }

    /// <summary>Funding received while open (negative when paid), in USDT; included in <see cref="RealizedPnl"/>.</summary>
    public decimal Funding { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ExitReason { get; set; }

    /// <summary>The preset (name and version) the position was opened with; it is managed by that version to the end.</summary>
    public string? PresetName { get; set; }

    public int? PresetVersion { get; set; }

    /// <summary>Since when the position has had open quantity and no working venue stop; null while it is protected.</summary>
    public DateTimeOffset? UnprotectedSince { get; set; }

    /// <summary>All the time, in seconds, the position was exposed without a working venue stop (ended episodes).</summary>
    public decimal UnprotectedSeconds { get; set; }

    /// <summary>The longest single such episode, in seconds.</summary>
    public decimal LongestUnprotectedSeconds { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
}
