using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Messaging.Messages;

namespace BreakoutBot.Executor;

/// <summary>The Executor's log messages (source-generated; event ids 1000–1999 are the Executor's).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Waiting for the database schema: {Missing}")]
    public static partial void WaitingForSchema(ILogger logger, string missing);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database schema is current")]
    public static partial void SchemaCurrent(ILogger logger);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Account {Account}: another executor holds the lease; standing by")]
    public static partial void Standby(ILogger logger, string account);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Account {Account}: lease acquired; this executor trades")]
    public static partial void LeaseAcquired(ILogger logger, string account);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Account {Account}: lease lost; order placement stopped")]
    public static partial void LeaseLost(ILogger logger, string account);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Executor failed while holding the lease; giving it up and starting over")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Handling {Stream} entry {EntryId} failed (delivery {DeliveryCount})")]
    public static partial void MessageFailed(ILogger logger, string stream, string entryId, long deliveryCount, Exception exception);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "A management round failed; retrying")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "Publishing the outbox failed; retrying")]
    public static partial void OutboxPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Warning, Message = "Could not store the engine state snapshot in Redis")]
    public static partial void StateSnapshotFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Engine of account {Account} loaded: {State}, preset {Preset}")]
    public static partial void EngineInitialized(ILogger logger, string account, EngineState state, string preset);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Warning, Message = "An engine step failed (engine {State}, {Failure}); the engine's memory is reloaded from the database before the next step")]
    public static partial void StepFailedMemoryInDoubt(ILogger logger, EngineState state, string failure);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Information, Message = "Engine memory reloaded from the database: {From} -> {To}, kill switch tripped {KillSwitchTripped}")]
    public static partial void StateReloaded(ILogger logger, EngineState from, EngineState to, bool killSwitchTripped);

    [LoggerMessage(EventId = 1026, Level = LogLevel.Warning, Message = "Reloading the engine's memory from the database failed; retried before the next step")]
    public static partial void StateReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Engine {From} -> {To}: {Reason}")]
    public static partial void EngineStateChanged(ILogger logger, EngineState from, EngineState to, string reason);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information, Message = "Automatic start: accepted {Accepted} {Reason}")]
    public static partial void AutoStarted(ILogger logger, bool accepted, string reason);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Information, Message = "Command {Kind} {CommandId}: accepted {Accepted} {Reason}")]
    public static partial void CommandHandled(ILogger logger, EngineCommandKind kind, string commandId, bool accepted, string reason);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Signal {SignalId} already taken in; ignored")]
    public static partial void DuplicateSignal(ILogger logger, string signalId);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Information, Message = "Signal {SignalId} {Symbol}: {Outcome} {Reason}")]
    public static partial void SignalDecided(ILogger logger, string signalId, string symbol, SignalOutcome outcome, string reason);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "Order {OrderId} not sent: this executor does not hold the account lease")]
    public static partial void OrderRefusedWithoutLease(ILogger logger, string orderId);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Warning, Message = "Order {OrderId} refused by the venue: {RetCode} {Reason}")]
    public static partial void OrderRejected(ILogger logger, string orderId, int retCode, string reason);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Warning, Message = "Order {OrderId}: outcome unknown; it will be looked up by its orderLinkId")]
    public static partial void OrderOutcomeUnknown(ILogger logger, string orderId, Exception exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Order {OrderId}: the venue reported status '{VenueStatus}', which is not one we know; its fills are booked, its status stays {Status}")]
    public static partial void UnknownVenueOrderStatus(ILogger logger, string orderId, string venueStatus, OrderRecordStatus status);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Information, Message = "Position {PositionId}: exit {Reason} for {Quantity}")]
    public static partial void ExitSent(ILogger logger, string positionId, ExitReason reason, decimal quantity);

    [LoggerMessage(EventId = 1044, Level = LogLevel.Information, Message = "Position {PositionId} opened: {Symbol} {Direction} {Quantity} at {Price}")]
    public static partial void PositionOpened(ILogger logger, string positionId, string symbol, PositionDirection direction, decimal quantity, decimal price);

    [LoggerMessage(EventId = 1045, Level = LogLevel.Information, Message = "Position {PositionId}: stop {From} -> {To} ({Kind})")]
    public static partial void StopMoved(ILogger logger, string positionId, decimal from, decimal to, StopKind kind);

    [LoggerMessage(EventId = 1046, Level = LogLevel.Information, Message = "Position {PositionId}: breakeven after TP1 skipped: {Reason}")]
    public static partial void BreakevenSkipped(ILogger logger, string positionId, string reason);

    [LoggerMessage(EventId = 1047, Level = LogLevel.Information, Message = "Trade {TradeId} {Symbol} closed: {Pnl} USDT, {R} R ({Reason})")]
    public static partial void TradeClosed(ILogger logger, string tradeId, string symbol, decimal pnl, decimal r, string reason);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Warning, Message = "Kill switch tripped: {Reason} (flatten {Flatten})")]
    public static partial void KillSwitchTripped(ILogger logger, string reason, bool flatten);

    [LoggerMessage(EventId = 1051, Level = LogLevel.Warning, Message = "Reconciliation: {Kind} drift in {Symbol}: ours {Ours}, venue {Venue}; {Action}")]
    public static partial void ReconciliationDrift(ILogger logger, string kind, string symbol, decimal ours, decimal venue, string action);

    [LoggerMessage(EventId = 1060, Level = LogLevel.Information, Message = "Private stream connected: venue pushes drive order and position updates")]
    public static partial void PrivateStreamStarted(ILogger logger);

    [LoggerMessage(EventId = 1061, Level = LogLevel.Information, Message = "Private stream reconnected: reconciling with the venue")]
    public static partial void PrivateStreamReconnected(ILogger logger);

    [LoggerMessage(EventId = 1062, Level = LogLevel.Warning, Message = "Private stream unavailable; order and position state is polled over REST only")]
    public static partial void PrivateStreamUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1070, Level = LogLevel.Information, Message = "Position {PositionId}: entry slice {Slice}/{Slices}, {Quantity}, {How}")]
    public static partial void EntrySlice(ILogger logger, string positionId, int slice, int slices, decimal quantity, string how);

    [LoggerMessage(EventId = 1071, Level = LogLevel.Warning, Message = "Position {PositionId}: entry stops early, keeping what filled: {Reason}")]
    public static partial void EntryStopped(ILogger logger, string positionId, string reason);

    [LoggerMessage(EventId = 1080, Level = LogLevel.Information, Message = "Funding on {Symbol}: {Amount} USDT booked on position {PositionId}")]
    public static partial void FundingBooked(ILogger logger, string symbol, decimal amount, string positionId);

    [LoggerMessage(EventId = 1081, Level = LogLevel.Error, Message = "Position {PositionId} ({Symbol}): its management round failed; the other positions go on and it is tried again next round")]
    public static partial void PositionRoundFailed(ILogger logger, string positionId, string symbol, Exception exception);

    [LoggerMessage(EventId = 1090, Level = LogLevel.Warning, Message = "Position {PositionId}: the price is already through the stop at {Stop}; exiting at market")]
    public static partial void StopLevelCrossed(ILogger logger, string positionId, decimal stop);

    [LoggerMessage(EventId = 1091, Level = LogLevel.Warning, Message = "Position {PositionId}: stop move {From} -> {To} refused by the venue ({Reason}); the working stop stays")]
    public static partial void StopMoveRefused(ILogger logger, string positionId, decimal from, decimal to, string reason);

    [LoggerMessage(EventId = 1092, Level = LogLevel.Error, Message = "Position {PositionId}: no stop could be placed ({Reason}); closing it at market")]
    public static partial void StopRefusedPositionClosed(ILogger logger, string positionId, string reason);

    [LoggerMessage(EventId = 1093, Level = LogLevel.Warning, Message = "Position {PositionId}: the exit ended with {Quantity} still open; sending it again ({Reason})")]
    public static partial void ExitRetried(ILogger logger, string positionId, decimal quantity, string reason);

    [LoggerMessage(EventId = 1094, Level = LogLevel.Warning, Message = "Flatten in progress: {Ours} position(s) of ours and {Venue} at the venue still open")]
    public static partial void FlattenInProgress(ILogger logger, int ours, int venue);

    [LoggerMessage(EventId = 1095, Level = LogLevel.Information, Message = "Flatten done: nothing is open")]
    public static partial void FlattenDone(ILogger logger);

    [LoggerMessage(EventId = 1096, Level = LogLevel.Warning, Message = "Position {PositionId} ({Symbol}): {Quantity} open without a working venue stop")]
    public static partial void PositionUnprotected(ILogger logger, string positionId, string symbol, decimal quantity);

    [LoggerMessage(EventId = 1097, Level = LogLevel.Information, Message = "Position {PositionId}: protected again after {Seconds} s without a working venue stop")]
    public static partial void PositionProtected(ILogger logger, string positionId, decimal seconds);

    [LoggerMessage(EventId = 1098, Level = LogLevel.Warning, Message = "Position {PositionId}: its preset {Name} v{Version} cannot be loaded ({Errors}); managed with the engine's current preset")]
    public static partial void PinnedPresetMissing(ILogger logger, string positionId, string name, int version, string errors);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Venue clock offset measured: {OffsetMs} ms (venue minus local); requests are signed with the venue's time")]
    public static partial void ClockSynchronized(ILogger logger, long offsetMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The account's modes (one-way, regular margin) could not be set: {RetCode} {Message}")]
    public static partial void AccountModesNotSet(ILogger logger, int retCode, string message);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Leverage {Leverage} could not be set on {Symbol}: {RetCode} {Message}")]
    public static partial void LeverageNotSet(ILogger logger, string symbol, decimal leverage, int retCode, string message);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "The engine's stored state belongs to mode {PreviousMode}, not {Mode}: not resumed (Stopped, fresh risk state)")]
    public static partial void OtherModesStateNotResumed(ILogger logger, string previousMode, string mode);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Levels and book of {Symbol} could not be read for smart take-profit placement ({Reason}); the ladder is placed without them")]
    public static partial void TakeProfitMarketUnavailable(ILogger logger, string symbol, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Position {PositionId}: added {Quantity} at about {Price} (add_on_enabled)")]
    public static partial void AddedToPosition(ILogger logger, string positionId, decimal quantity, decimal price);
}
