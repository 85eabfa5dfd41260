using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>Position rows for tests that work on the books without an engine: a strategy's long with its initial stop.</summary>
internal static class TestPositions
{
    /// <summary>
    /// A long of <paramref name="quantity"/> (all of it open unless <paramref name="status"/> is Closed) entered at
    /// <paramref name="entry"/> with its initial stop at <paramref name="stop"/>.
    /// </summary>
    public static PositionRecord Long(
        string id, string symbol, PositionRecordStatus status, decimal quantity = 1m, decimal entry = 100m, decimal stop = 95m,
        PositionOrigin origin = PositionOrigin.Strategy, DateTimeOffset openedAt = default, DateTimeOffset? closedAt = null) => new()
    {
        PositionId = id,
        Symbol = symbol,
        Status = status,
        Origin = origin,
        StopKind = StopKind.Initial,
        Direction = PositionDirection.Long,
        EntryPrice = entry,
        InitialStop = stop,
        Stop = stop,
        OriginalQuantity = quantity,
        OpenQuantity = status == PositionRecordStatus.Closed ? 0m : quantity,
        OpenedAt = openedAt,
        ClosedAt = closedAt,
    };
}
