namespace BreakoutBot.Messaging.Messages;

/// <summary>Every message contract with its wire name and current version.</summary>
public static class MessageContracts
{
    private static readonly Dictionary<Type, (string Name, int Version)> ByType = new()
    {
        [typeof(SignalDetected)] = (nameof(SignalDetected), 1),
        [typeof(EngineCommand)] = (nameof(EngineCommand), 1),
        [typeof(CommandAcknowledged)] = (nameof(CommandAcknowledged), 1),
        [typeof(EngineStateChanged)] = (nameof(EngineStateChanged), 1),
        [typeof(KillSwitchChanged)] = (nameof(KillSwitchChanged), 1),
        [typeof(OrderUpdated)] = (nameof(OrderUpdated), 1),
        [typeof(FillRecorded)] = (nameof(FillRecorded), 1),
        [typeof(PositionUpdated)] = (nameof(PositionUpdated), 1),
        [typeof(TradeClosed)] = (nameof(TradeClosed), 1),
        [typeof(ScanCompleted)] = (nameof(ScanCompleted), 1),
        [typeof(ReconciliationDrift)] = (nameof(ReconciliationDrift), 1),
    };

    private static readonly Dictionary<string, Type> ByName = ByType.ToDictionary(pair => pair.Value.Name, pair => pair.Key, StringComparer.Ordinal);

    public static (string Name, int Version) Of(Type messageType) =>
        ByType.TryGetValue(messageType, out var contract)
            ? contract
            : throw new ArgumentException($"{messageType.Name} is not a registered message contract", nameof(messageType));

    /// <summary>The CLR type for a wire name, or null for a name this build does not know.</summary>
    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);
}
