using System.Text.Json;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>What a <see cref="StreamConnection"/> hands to the stream that owns it.</summary>
internal interface IStreamHandler
{
    /// <summary>Runs right after the socket opens, before any subscription (private: auth). Throwing ends the session.</summary>
    Task AuthenticateAsync(StreamConnection connection, CancellationToken cancellationToken);

    /// <summary>The session is authenticated and its topics are subscribed again.</summary>
    ValueTask SessionStartedAsync(StreamConnection connection, bool isReconnect, CancellationToken cancellationToken);

    /// <summary>The session is gone; local state built from it is no longer trustworthy.</summary>
    void SessionEnded(StreamConnection connection);

    /// <summary>
    /// Offered every frame first, as its raw UTF-8 bytes: true when the handler decoded it itself (the high-rate topics,
    /// read without building a document); false sends it on the document path (<see cref="DataAsync"/>, control answers).
    /// Must not throw for bad payloads.
    /// </summary>
    bool TryDecodeRaw(StreamConnection connection, ReadOnlySpan<byte> frame) => false;

    /// <summary>A data frame (has <c>topic</c>). Must not throw for bad payloads: log, count and resync instead.</summary>
    ValueTask DataAsync(StreamConnection connection, JsonElement message, CancellationToken cancellationToken);

    /// <summary>A frame that is not JSON (or not an object); <paramref name="topic"/> is found by a text scan when possible.</summary>
    void Malformed(StreamConnection connection, string? topic, string problem);
}
