namespace BreakoutBot.Messaging.Streams;

/// <summary>How a consumer group member reads one stream.</summary>
/// <param name="Stream">The stream name.</param>
/// <param name="Group">Consumer group; one per consuming service.</param>
/// <param name="Consumer">This member's name; stable across restarts so its own pending entries come back to it.</param>
/// <param name="StartFromBeginning">When the group is created: read entries already in the stream (true) or only new ones.</param>
/// <param name="ReclaimIdleAfter">Entries pending this long on another (crashed) member are claimed by this one.</param>
/// <param name="WakeInterval">Upper bound on the wait for a notification before reading anyway (a lost pub/sub message).</param>
public sealed record StreamConsumerOptions(
    string Stream,
    string Group,
    string Consumer,
    bool StartFromBeginning,
    TimeSpan ReclaimIdleAfter,
    TimeSpan WakeInterval)
{
    public static StreamConsumerOptions For(string stream, string group, string consumer, bool startFromBeginning = true) =>
        new(stream, group, consumer, startFromBeginning, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
}
