using System.Collections.Concurrent;
using System.Diagnostics;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>Collects the spans one activity source ends (other hosts in the test process have their own sources).</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanRecorder(ActivitySource source)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public void Dispose() => _listener.Dispose();
}
