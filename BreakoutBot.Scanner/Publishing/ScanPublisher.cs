using System.Diagnostics;
using System.Text.Json;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.ServiceDefaults;
using StackExchange.Redis;

namespace BreakoutBot.Scanner.Publishing;

/// <summary>Everything the Scanner tells the rest of the system: signals (exactly once), the snapshot, its status.</summary>
public sealed class ScanPublisher(IConnectionMultiplexer redis, RedisStreamPublisher streams, ServiceTelemetry telemetry, TimeProvider clock)
{
    /// <summary>How long a published signal's id is remembered (restarts within it never repeat the signal).</summary>
    public static readonly TimeSpan SignalMemory = TimeSpan.FromDays(7);

    /// <summary>
    /// Publishes <paramref name="signal"/> unless it was published before. Each signal gets its own span, the parent of
    /// the Executor's work on it. Returns true when it was new.
    /// </summary>
    public async Task<bool> PublishSignalAsync(BreakoutSignal signal, SignalDetected message)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(message);
        using var activity = telemetry.ActivitySource.StartActivity("signal " + signal.Symbol.Value, ActivityKind.Producer);
        activity?.SetTag("breakoutbot.signal.id", signal.Id);
        activity?.SetTag("breakoutbot.symbol", signal.Symbol.Value);
        activity?.SetTag("breakoutbot.strategy", signal.Strategy.ToString());
        activity?.SetTag("breakoutbot.side", signal.Direction.ToString());
        var entryId = await streams.PublishOnceAsync(
            StreamNames.Signals, message, correlationId: signal.Id, onceKey: SignalOnceKey(signal.Id), remember: SignalMemory, occurredAt: message.DetectedAt);
        activity?.SetTag("breakoutbot.signal.duplicate", entryId is null);
        return entryId is not null;
    }

    public static string SignalOnceKey(string signalId) => "scanner:signal:" + signalId;

    public async Task PublishSnapshotAsync(ScanSnapshot snapshot, int signalsEmitted)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await redis.GetDatabase().StringSetAsync(RedisKeys.ScanLatest, JsonSerializer.Serialize(snapshot, MessageJson.Options));
        await streams.PublishAsync(
            StreamNames.TradingEvents,
            new ScanCompleted(snapshot.ScanId, snapshot.CandleOpenTime, snapshot.SymbolsTracked, snapshot.SymbolsPassed, signalsEmitted, snapshot.At),
            correlationId: snapshot.ScanId);
    }

    public async Task PublishStatusAsync(ScannerStatus status) =>
        await redis.GetDatabase().StringSetAsync(RedisKeys.ScannerStatus, JsonSerializer.Serialize(status, MessageJson.Options));

    public DateTimeOffset Now => clock.GetUtcNow();
}
