using System.Collections.Concurrent;

namespace BreakoutBot.Simulator.Streams;

/// <summary>Every open WebSocket of the simulated venue, public and private, so a fault can cut them all at once.</summary>
internal sealed class StreamConnectionRegistry
{
    private readonly ConcurrentDictionary<string, StreamClient> _clients = new(StringComparer.Ordinal);

    public int Count => _clients.Count;

    public void Add(StreamClient client) => _clients[client.ConnectionId] = client;

    public void Remove(StreamClient client) => _clients.TryRemove(client.ConnectionId, out _);

    public IReadOnlyList<StreamClient> Private => [.. _clients.Values.Where(client => client.IsPrivate)];

    /// <returns>How many connections were cut.</returns>
    public int AbortAll()
    {
        var clients = _clients.Values.ToList();
        foreach (var client in clients)
        {
            client.Abort();
        }

        return clients.Count;
    }
}
