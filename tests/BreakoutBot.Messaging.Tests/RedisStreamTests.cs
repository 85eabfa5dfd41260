using System.Diagnostics;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Testing;

namespace BreakoutBot.Messaging.Tests;

public sealed class RedisStreamTests(LocalRedisServer redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PublishAsync_ConsumerGroup_DeliversEnvelopeWithPayloadAndTraceContext()
    {
        var stream = NewStream();
        var publisher = new RedisStreamPublisher(redis.Connection, TimeProvider.System);
        using var source = new ActivitySource("test.publisher");
        using var listener = ListenTo(source.Name);
        string? publishedTraceId;
        using (var activity = source.StartActivity("publish"))
        {
            publishedTraceId = activity!.TraceId.ToString();
            await publisher.PublishAsync(stream, Signal("s-1"), "corr-1", Now);
        }

        await using var consumer = new RedisStreamConsumer(redis.Connection, StreamConsumerOptions.For(stream, "g", "c1"));
        var received = await FirstAsync(consumer, TestContext.Current.CancellationToken);

        Assert.NotNull(received.Envelope);
        Assert.Equal("SignalDetected", received.Envelope.Type);
        Assert.Equal(1, received.Envelope.Version);
        Assert.Equal("corr-1", received.Envelope.CorrelationId);
        Assert.Equal(Now, received.Envelope.OccurredAt);
        Assert.Contains(publishedTraceId, received.Envelope.TraceParent, StringComparison.Ordinal);
        var signal = received.Envelope.PayloadAs<SignalDetected>();
        var expected = Signal("s-1");
        Assert.Equal(expected, signal with { Reasons = expected.Reasons });
        Assert.Equal(expected.Reasons, signal.Reasons);
        Assert.Equal(12345.678901m, signal.Entry);

        using var consumerSpan = MessageTracing.StartConsumerActivity(source, received.Envelope, "consume");
        Assert.Equal(publishedTraceId, consumerSpan!.TraceId.ToString());
    }

    [Fact]
    public async Task ReadAsync_UnacknowledgedEntry_IsDeliveredAgainAfterRestartOfSameConsumer()
    {
        var stream = NewStream();
        var publisher = new RedisStreamPublisher(redis.Connection, TimeProvider.System);
        await publisher.PublishAsync(stream, Signal("s-2"), "c");

        await using (var crashed = new RedisStreamConsumer(redis.Connection, StreamConsumerOptions.For(stream, "g", "executor-1")))
        {
            Assert.Equal("s-2", (await FirstAsync(crashed, TestContext.Current.CancellationToken)).Envelope!.Id);
        }

        await using var restarted = new RedisStreamConsumer(redis.Connection, StreamConsumerOptions.For(stream, "g", "executor-1"));
        var again = await FirstAsync(restarted, TestContext.Current.CancellationToken);
        Assert.Equal("s-2", again.Envelope!.Id);
        await restarted.AcknowledgeAsync(again);
        Assert.Equal(0, (await redis.Connection.GetDatabase().StreamPendingAsync(stream, "g")).PendingMessageCount);
    }

    [Fact]
    public async Task ReadAsync_EntryLeftPendingByCrashedMember_IsClaimedByAnother()
    {
        var stream = NewStream();
        await new RedisStreamPublisher(redis.Connection, TimeProvider.System).PublishAsync(stream, Signal("s-3"), "c");
        await using (var crashed = new RedisStreamConsumer(redis.Connection, StreamConsumerOptions.For(stream, "g", "gone")))
        {
            await FirstAsync(crashed, TestContext.Current.CancellationToken);
        }

        var options = StreamConsumerOptions.For(stream, "g", "survivor") with { ReclaimIdleAfter = TimeSpan.Zero };
        await using var survivor = new RedisStreamConsumer(redis.Connection, options);
        var claimed = await FirstAsync(survivor, TestContext.Current.CancellationToken);

        Assert.Equal("s-3", claimed.Envelope!.Id);
        Assert.True(claimed.DeliveryCount > 1);
    }

    [Fact]
    public async Task ReadAsync_MessageThatKeepsFailing_CarriesTheGroupsRealDeliveryCount()
    {
        var stream = NewStream();
        await new RedisStreamPublisher(redis.Connection, TimeProvider.System).PublishAsync(stream, Signal("s-poison"), "c");
        var counts = new List<long>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Each time the handler fails, the member restarts and reads its own pending entry again.
            await using var consumer = new RedisStreamConsumer(redis.Connection, StreamConsumerOptions.For(stream, "g", "executor-1"));
            counts.Add((await FirstAsync(consumer, TestContext.Current.CancellationToken)).DeliveryCount);
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], counts);
    }

    [Fact]
    public async Task ReadBatchAsync_UnreadableEntries_AreLeftOutWithTheReason_AndTheLastIdMovesPastThem()
    {
        var stream = NewStream();
        var database = redis.Connection.GetDatabase();
        var publisher = new RedisStreamPublisher(redis.Connection, TimeProvider.System);
        await publisher.PublishAsync(stream, Signal("s-good-1"), "c");
        await database.StreamAddAsync(stream, "envelope", "{ not json");
        await database.StreamAddAsync(stream, "other", "no envelope field");
        await database.StreamAddAsync(stream, "envelope", """{"id":"x","type":"SignalDetected"}""");
        await database.StreamAddAsync(stream, "envelope", new string('x', RedisStreamReader.MaxEnvelopeBytes + 1));
        await publisher.PublishAsync(stream, Signal("s-good-2"), "c");
        var last = await database.StreamAddAsync(stream, "envelope", "[1,2");

        var batch = await new RedisStreamReader(redis.Connection).ReadBatchAsync(stream, null, 100);

        Assert.Equal(["s-good-1", "s-good-2"], batch.Entries.Select(entry => entry.Envelope.Id));
        Assert.Equal(5, batch.Unreadable.Count);
        Assert.Contains(batch.Unreadable, entry => entry.Reason.Contains("no 'envelope' field", StringComparison.Ordinal));
        Assert.Contains(batch.Unreadable, entry => entry.Reason.Contains("bytes, above", StringComparison.Ordinal));
        Assert.Equal(last.ToString(), batch.LastEntryId);
    }

    [Fact]
    public async Task ReadAsync_UnreadableEntry_IsReportedAndCanBeDeadLettered()
    {
        var stream = NewStream();
        await redis.Connection.GetDatabase().StreamAddAsync(stream, "envelope", "{ not json");
        await using var consumer = new RedisStreamConsumer(redis.Connection, StreamConsumerOptions.For(stream, "g", "c"));
        var bad = await FirstAsync(consumer, TestContext.Current.CancellationToken);

        Assert.Null(bad.Envelope);
        Assert.Contains("not valid JSON", bad.Error, StringComparison.Ordinal);
        await consumer.DeadLetterAsync(bad, bad.Error!);
        Assert.Equal(1, await redis.Connection.GetDatabase().StreamLengthAsync(RedisStreamConsumer.DeadLetterStream(stream)));
        Assert.Equal(0, (await redis.Connection.GetDatabase().StreamPendingAsync(stream, "g")).PendingMessageCount);
    }

    [Fact]
    public async Task ReadAsync_MessagePublishedWhileWaiting_IsDeliveredWithoutRestart()
    {
        var stream = NewStream();
        var options = StreamConsumerOptions.For(stream, "g", "c") with { WakeInterval = TimeSpan.FromMinutes(5) };
        await using var consumer = new RedisStreamConsumer(redis.Connection, options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = FirstAsync(consumer, timeout.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        await new RedisStreamPublisher(redis.Connection, TimeProvider.System).PublishAsync(stream, Signal("s-4"), "c");

        // The wake interval is minutes, so only the pub/sub notification can deliver it within the timeout.
        Assert.Equal("s-4", (await reading).Envelope!.Id);
    }

    [Fact]
    public async Task ReadAfterAsync_ReturnsOnlyEntriesAfterTheGivenId()
    {
        var stream = NewStream();
        var publisher = new RedisStreamPublisher(redis.Connection, TimeProvider.System);
        var first = await publisher.PublishAsync(stream, Signal("a"), "c");
        await publisher.PublishAsync(stream, Signal("b"), "c");
        await publisher.PublishAsync(stream, Signal("c"), "c");
        var reader = new RedisStreamReader(redis.Connection);

        var missed = await reader.ReadAfterAsync(stream, first, 100);

        Assert.Equal(["b", "c"], missed.Select(entry => entry.Envelope.Id));
        Assert.Equal(missed[^1].EntryId, await reader.LastEntryIdAsync(stream));
    }

    [Fact]
    public async Task PublishOnceAsync_SameKeyTwice_AddsOneEntry()
    {
        var stream = NewStream();
        var publisher = new RedisStreamPublisher(redis.Connection, TimeProvider.System);
        var onceKey = "once:" + stream;

        var first = await publisher.PublishOnceAsync(stream, Signal("x"), "c", onceKey, TimeSpan.FromMinutes(5));
        var second = await publisher.PublishOnceAsync(stream, Signal("x"), "c", onceKey, TimeSpan.FromMinutes(5));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(1, await redis.Connection.GetDatabase().StreamLengthAsync(stream));
        Assert.True(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(onceKey) > TimeSpan.FromMinutes(4));
    }

    [Fact]
    public void MessageContracts_UnknownType_IsRefusedByName()
    {
        Assert.Null(MessageContracts.TypeOf("NoSuchMessage"));
        Assert.Equal(typeof(TradeClosed), MessageContracts.TypeOf("TradeClosed"));
        Assert.Throws<ArgumentException>(() => MessageContracts.Of(typeof(string)));
    }

    private static string NewStream() => "test-" + Guid.NewGuid().ToString("N");

    private static SignalDetected Signal(string id) => new(
        id, "BTCUSDT", PositionDirection.Long, BreakoutStrategy.Momentum, 12000m, 12345.678901m, 11900.5m, 0.8,
        "breakout_v1", 3, "5m", Now.AddMinutes(-5), Now, Now.AddMinutes(2), ["volume 3.1x"]);

    private static async Task<ReceivedMessage> FirstAsync(RedisStreamConsumer consumer, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var message in consumer.ReadAsync(timeout.Token))
        {
            return message;
        }

        throw new TimeoutException("no message arrived");
    }

    private static ActivityListener ListenTo(string sourceName)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
