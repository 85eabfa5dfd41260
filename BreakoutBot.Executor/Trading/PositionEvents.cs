using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Messaging.Messages;

namespace BreakoutBot.Executor.Trading;

/// <summary>The <see cref="PositionUpdated"/> event of a position, added to the caller's unit of work (the outbox).</summary>
internal static class PositionEvents
{
    public static void Updated(TradingDbContext database, PositionRecord position, DateTimeOffset now) =>
        Outbox.Event(database, new PositionUpdated(TradingIds.NewEventId(), position.PositionId, position.Symbol, position.Direction, position.Status.ToString(), position.EntryPrice,
            position.OriginalQuantity, position.OpenQuantity, position.Stop, position.StopKind.ToString(), position.RealizedPnl, position.OpenedAt, now), position.SignalId ?? position.PositionId, now);
}
