using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>Collects what one meter's instruments record (other hosts in the test process have their own meters).</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MeasurementRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public IReadOnlyList<double> Values(string instrument, string? tag = null, object? tagValue = null) =>
        [.. _measurements.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, tagValue)))).Select(m => m.Value)];

    public void Dispose() => _listener.Dispose();
}
