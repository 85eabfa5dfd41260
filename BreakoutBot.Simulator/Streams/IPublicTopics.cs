namespace BreakoutBot.Simulator.Streams;

/// <summary>Makes the feed behind a public topic: synthetic (<see cref="SyntheticTopics"/>) or relayed from the upstream (<see cref="RelayTopics"/>).</summary>
internal interface IPublicTopics
{
    /// <summary>The feed for <paramref name="topic"/>, or null when the venue has no such topic.</summary>
    TopicFeed? Create(string topic);
}
