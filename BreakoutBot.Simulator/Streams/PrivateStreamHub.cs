using System.Globalization;
using System.Text.Json;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Trading;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>/v5/private</c>: <c>auth</c> verified like the venue (known key, <c>expires</c> in the future,
/// <c>hex(HMAC_SHA256(secret, "GET/realtime" + expires))</c>; anything else is "Params Error"), then <c>order</c>,
/// <c>execution</c>, <c>position</c> and <c>wallet</c> pushed from <see cref="SimulatedExchange.ActivityPublished"/> in
/// that order (the exchange moves by itself: <see cref="VenueHeartbeat"/>).
/// </summary>
public sealed class PrivateStreamHub : IDisposable
{
    private static readonly string[] Families = ["order", "execution", "position", "wallet"];
    private readonly SimulatedExchange _exchange;
    private readonly WebSocketFaults _faults;
    private readonly StreamConnectionRegistry _registry;
    private readonly SimulatorStreamOptions _options;
    private readonly SimulatorOptions _account;
    private readonly TimeProvider _clock;
    private readonly ILogger<PrivateStreamHub> _logger;

    internal PrivateStreamHub(
        SimulatedExchange exchange,
        WebSocketFaults faults,
        StreamConnectionRegistry registry,
        IOptions<SimulatorStreamOptions> options,
        IOptions<SimulatorOptions> account,
        TimeProvider clock,
        ILogger<PrivateStreamHub> logger)
    {
        _exchange = exchange;
        _faults = faults;
        _registry = registry;
        _options = options.Value;
        _account = account.Value;
        _clock = clock;
        _logger = logger;
        _exchange.ActivityPublished += OnActivity;
    }

    public Task HandleAsync(HttpContext context) =>
        StreamSocket.RunAsync(context, isPrivate: true, _options, _faults, _registry, _clock, _logger, OnRequest, static _ => { });

    public void Dispose() => _exchange.ActivityPublished -= OnActivity;

    private void OnRequest(StreamClient client, JsonElement request)
    {
        var op = StreamSocket.Op(request);
        var requestId = StreamFrames.RequestId(request);
        switch (op)
        {
            case "ping":
                client.Enqueue(StreamFrames.PrivatePong(client.ConnectionId, requestId, _clock.GetUtcNow()));
                break;
            case "auth":
                client.IsAuthenticated = Verify(request);
                Log.PrivateAuth(_logger, client.ConnectionId, client.IsAuthenticated ? "accepted" : "refused");
                client.Enqueue(StreamFrames.PrivateAnswer("auth", client.IsAuthenticated, client.IsAuthenticated ? "" : "Params Error", client.ConnectionId, requestId));
                break;
            case "subscribe":
                client.Enqueue(StreamFrames.PrivateAnswer("subscribe", Subscribe(client, request, out var problem), problem, client.ConnectionId, requestId));
                break;
            case "unsubscribe":
                client.RemoveTopics(StreamSocket.StringArgs(request) ?? []);
                client.Enqueue(StreamFrames.PrivateAnswer("unsubscribe", true, "", client.ConnectionId, requestId));
                break;
            default:
                client.Enqueue(StreamFrames.PrivateAnswer(op, false, $"error:unknown op '{op}'", client.ConnectionId, requestId));
                break;
        }
    }

    private bool Subscribe(StreamClient client, JsonElement request, out string problem)
    {
        if (!client.IsAuthenticated)
        {
            problem = "Request not authorized";
            return false;
        }

        if (StreamSocket.StringArgs(request) is not { Count: > 0 } topics)
        {
            problem = "error:args must be a non-empty array of topics";
            return false;
        }

        if (topics.FirstOrDefault(topic => !IsPrivateTopic(topic)) is { } unknown)
        {
            problem = $"error:handler not found,topic:{unknown}";
            return false;
        }

        problem = client.TryAddTopics(topics, _options.MaxTopicsPerConnection) ?? "";
        return problem.Length == 0;
    }

    private static bool IsPrivateTopic(string topic) =>
        Families.Contains(topic) || topic is "order.linear" or "execution.linear" or "position.linear";

    private bool Verify(JsonElement request)
    {
        if (!request.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array || args.GetArrayLength() != 3)
        {
            return false;
        }

        var key = args[0].ValueKind == JsonValueKind.String ? args[0].GetString() : null;
        var expiresText = args[1].ValueKind switch
        {
            JsonValueKind.Number => args[1].GetRawText(),
            JsonValueKind.String => args[1].GetString(),
            _ => null,
        };
        var signature = args[2].ValueKind == JsonValueKind.String ? args[2].GetString() : null;
        if (!string.Equals(key, _account.ApiKey, StringComparison.Ordinal)
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires <= _clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return false;
        }

        return RequestSigner.Matches(RequestSigner.Sign(_account.ApiSecret, "GET/realtime" + expiresText), signature);
    }

    /// <summary>Runs under the exchange's lock: formats and queues, never waits.</summary>
    private void OnActivity(object? sender, ExchangeActivity activity)
    {
        var clients = _registry.Private.Where(client => client.IsAuthenticated).ToList();
        if (clients.Count == 0)
        {
            return;
        }

        var now = activity.Time;
        var orders = activity.Events.OfType<OrderUpdated>().Select(update => update.Order).ToList();
        var fills = new List<(Fill, OrderState?)>();
        for (var i = 0; i < activity.Events.Count; i++)
        {
            if (activity.Events[i] is OrderFilled filled)
            {
                // Each fill is followed by the order update it caused.
                var order = activity.Events.Skip(i + 1).OfType<OrderUpdated>().FirstOrDefault(update => update.Order.OrderId == filled.Fill.OrderId)?.Order;
                fills.Add((filled.Fill, order));
            }
        }

        var frames = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            foreach (var topic in client.Topics)
            {
                if (!frames.TryGetValue(topic, out var frame))
                {
                    frames[topic] = frame = (topic.Split('.')[0]) switch
                    {
                        "order" when orders.Count > 0 => PrivateFrames.Orders(topic, orders, now),
                        "execution" when fills.Count > 0 => PrivateFrames.Executions(topic, fills, now),
                        "position" when activity.Positions.Count > 0 => PrivateFrames.Positions(topic, activity.Positions, now),
                        "wallet" when activity.Wallet is { } wallet => PrivateFrames.Wallet(topic, wallet, now),
                        _ => null,
                    };
                }
            }

            // Bybit's usual order after a fill: order, execution, position, wallet.
            foreach (var family in Families)
            {
                foreach (var topic in client.Topics.Where(topic => topic.Split('.')[0] == family))
                {
                    if (frames[topic] is { } frame)
                    {
                        client.Enqueue(frame);
                    }
                }
            }
        }
    }
}
