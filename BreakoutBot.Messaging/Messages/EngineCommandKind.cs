namespace BreakoutBot.Messaging.Messages;

/// <summary>What an operator can ask of the engine.</summary>
public enum EngineCommandKind
{
    Start,
    Pause,
    Resume,
    Stop,
    Kill,
    ResetKillSwitch,
    ClosePosition,
    MoveStopToBreakeven,
}
