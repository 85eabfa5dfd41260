using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using BreakoutBot.Bybit.WebSocket;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>Waiting on stream events by condition (never by wall-clock assertions) and reading one test's counters.</summary>
internal static class StreamTestKit
{
    /// <summary>Generous: a loaded 2-core machine must not make these tests flaky.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads events until one of type <typeparamref name="T"/> matches; fails after <see cref="Patience"/>.</summary>
    public static async Task<T> WaitForAsync<T, TBase>(ChannelReader<TBase> events, Func<T, bool>? match = null)
        where T : TBase
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            while (true)
            {
                var next = await events.ReadAsync(timeout.Token);
                if (next is T found && (match is null || match(found)))
                {
                    return found;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No {typeof(T).Name} matching the condition within {Patience.TotalSeconds} s.");
        }
    }

    public static Task<T> WaitForAsync<T>(ChannelReader<MarketStreamEvent> events, Func<T, bool>? match = null)
        where T : MarketStreamEvent => WaitForAsync<T, MarketStreamEvent>(events, match);

    public static Task<T> WaitForPrivateAsync<T>(ChannelReader<PrivateStreamEvent> events, Func<T, bool>? match = null)
        where T : PrivateStreamEvent => WaitForAsync<T, PrivateStreamEvent>(events, match);

    /// <summary>Polls a condition until true; fails after <see cref="Patience"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (!await condition())
        {
            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Not {what} within {Patience.TotalSeconds} s.");
            }
        }
    }
}

/// <summary>A meter of one test and the sums of its counters, by instrument name (and by tag value when asked).</summary>
internal sealed class CounterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);

    public CounterProbe()
    {
        Meter = new Meter("test-" + Guid.NewGuid().ToString("N"));
        Metrics = new BybitStreamMetrics(Meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
            {
                _sums.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    public Meter Meter { get; }

    public BybitStreamMetrics Metrics { get; }

    public long Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    public long Sum(string instrument, string tag, string value) => _sums.GetValueOrDefault($"{instrument}|{tag}={value}");

    public void Dispose()
    {
        _listener.Dispose();
        Meter.Dispose();
    }
}
