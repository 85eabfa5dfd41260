namespace BreakoutBot.Messaging.Messages;

/// <summary>An operator command (stream <c>commands</c>); the Executor answers with <see cref="CommandAcknowledged"/>.</summary>
/// <param name="PresetName">Start: the preset to trade (the Scanner reloads it too).</param>
/// <param name="PresetVersion">Start: the preset version; null means the latest.</param>
/// <param name="Mode">Start: the trading mode name; must equal the deployment's mode.</param>
/// <param name="Flatten">Kill: also close every position and cancel every order.</param>
/// <param name="PositionId">ClosePosition / MoveStopToBreakeven: which position.</param>
/// <param name="Percent">ClosePosition: share of the open quantity, 1-100.</param>
/// <param name="IssuedBy">Who asked (the Api's authenticated caller), for the audit log.</param>
/// <param name="IssuedFrom">The caller's network address as the Api saw it, for the audit log.</param>
/// <param name="VenueConfirmed">
/// Start in testnet, demo or live: the Api checked the operator's request (the mode the deployment trades and, for live,
/// the exact confirmation); the Executor refuses to start on a real venue without it.
/// </param>
public sealed record EngineCommand(
    string CommandId,
    EngineCommandKind Kind,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    string? PresetName = null,
    int? PresetVersion = null,
    string? Mode = null,
    bool Flatten = false,
    string? PositionId = null,
    decimal? Percent = null,
    bool VenueConfirmed = false,
    string? IssuedFrom = null) : IMessage
{
    public string MessageId => CommandId;
}
