using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// Accepts a WebSocket and runs it: one writer draining the connection's queue, one reader handing each request frame
/// to the hub. A frame that is not a JSON object gets a failure answer; the connection stays open.
/// </summary>
internal static class StreamSocket
{
    private const int MaxRequestBytes = 64 * 1024;

    public static async Task RunAsync(
        HttpContext context,
        bool isPrivate,
        SimulatorStreamOptions options,
        WebSocketFaults faults,
        StreamConnectionRegistry registry,
        TimeProvider clock,
        ILogger logger,
        Action<StreamClient, JsonElement> onRequest,
        Action<StreamClient> onClosed)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var latency = context.RequestServices.GetRequiredService<LatencyModel>();
        var client = new StreamClient(socket, Guid.NewGuid().ToString(), isPrivate, options.SendQueueCapacity, faults, latency, clock);
        registry.Add(client);
        Log.StreamOpened(logger, client.ConnectionId, isPrivate ? StreamsExtensions.PrivatePath : StreamsExtensions.PublicPath);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var writer = client.RunWriterAsync(closing.Token);
        var reason = "closed by the client";
        try
        {
            await ReadAsync(socket, client, onRequest, closing.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            reason = client.Overflowed ? "slow consumer" : exception.GetType().Name;
        }
        finally
        {
            registry.Remove(client);
            onClosed(client);
            client.Complete();
            await closing.CancelAsync();
            try
            {
                await writer;
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // The socket is gone; whatever was queued for it no longer matters.
            }

            if (client.Overflowed)
            {
                Log.SlowConsumer(logger, client.ConnectionId, options.SendQueueCapacity);
            }

            Log.StreamClosed(logger, client.ConnectionId, reason);
        }
    }

    private static async Task ReadAsync(WebSocket socket, StreamClient client, Action<StreamClient, JsonElement> onRequest, CancellationToken cancellationToken)
    {
        var buffer = new byte[8 * 1024];
        var message = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            message.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (message.WrittenCount > MaxRequestBytes)
                {
                    client.Abort();
                    return;
                }
            }
            while (!result.EndOfMessage);

            JsonDocument request;
            try
            {
                request = JsonDocument.Parse(message.WrittenMemory);
            }
            catch (JsonException)
            {
                client.Enqueue(StreamFrames.PublicAnswer("", false, "error:request is not valid JSON", client.ConnectionId, ""));
                continue;
            }

            using (request)
            {
                if (request.RootElement.ValueKind != JsonValueKind.Object)
                {
                    client.Enqueue(StreamFrames.PublicAnswer("", false, "error:request must be a JSON object", client.ConnectionId, ""));
                    continue;
                }

                onRequest(client, request.RootElement);
            }
        }
    }

    /// <summary>The string arguments of a request (<c>args</c>); null when absent or not all strings.</summary>
    public static IReadOnlyList<string>? StringArgs(JsonElement request)
    {
        if (!request.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var arg in args.EnumerateArray())
        {
            if (arg.ValueKind != JsonValueKind.String || arg.GetString() is not { Length: > 0 } text)
            {
                return null;
            }

            values.Add(text);
        }

        return values;
    }

    public static string Op(JsonElement request) =>
        request.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() ?? "" : "";
}
