using System.Diagnostics.Metrics;
using BreakoutBot.Data.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.ServiceDefaults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Executor.Tests;

/// <summary>The exposure figures of a position (time open without a working venue stop), without venue or database.</summary>
public sealed class ExposureClockTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly ServiceTelemetry _telemetry = new("exposure-tests-" + Guid.NewGuid().ToString("N"));
    private readonly MeterListener _listener = new();
    private readonly List<(double Seconds, string Symbol)> _episodes = [];

    public ExposureClockTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _telemetry.Meter && instrument.Name == "breakoutbot.executor.unprotected_duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) => _episodes.Add((seconds, (string)tags[0].Value!)));
        _listener.Start();
    }

    [Fact]
    public void TwoEpisodes_EachStartsOnceAndEndsOnce_SummedLongestKeptAndRecorded()
    {
        var exposure = Clock(StopPlacement.Venue);
        var position = TestPositions.Long("p1", "ETHUSDT", PositionRecordStatus.Open);

        exposure.Start(position);
        _clock.Advance(TimeSpan.FromSeconds(3));
        exposure.Track(position, exposed: true);
        _clock.Advance(TimeSpan.FromSeconds(2));
        exposure.End(position);
        exposure.End(position);
        _clock.Advance(TimeSpan.FromMinutes(10));
        exposure.Track(position, exposed: true);
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        exposure.Track(position, exposed: false);

        Assert.Null(position.UnprotectedSince);
        Assert.Equal((6.5m, 5m), (position.UnprotectedSeconds, position.LongestUnprotectedSeconds));
        Assert.Equal([(5d, "ETHUSDT"), (1.5d, "ETHUSDT")], _episodes);
    }

    [Fact]
    public void Running_StartedAtTheFirstMomentSeen()
    {
        var exposure = Clock(StopPlacement.Venue);
        var position = TestPositions.Long("p2", "BTCUSDT", PositionRecordStatus.Opening);
        var first = _clock.GetUtcNow();

        exposure.Start(position);
        _clock.Advance(TimeSpan.FromSeconds(4));
        exposure.Start(position);

        Assert.Equal(first, position.UnprotectedSince);
        Assert.Empty(_episodes);
    }

    [Fact]
    public void LocalStops_NothingIsCounted()
    {
        var exposure = Clock(StopPlacement.Local);
        var position = TestPositions.Long("p3", "SOLUSDT", PositionRecordStatus.Open);

        exposure.Track(position, exposed: true);
        _clock.Advance(TimeSpan.FromSeconds(30));
        exposure.Track(position, exposed: false);

        Assert.Equal((null, 0m), (position.UnprotectedSince, position.UnprotectedSeconds));
        Assert.Empty(_episodes);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _telemetry.Dispose();
    }

    private ExposureClock Clock(StopPlacement placement) => new(
        Options.Create(new ExecutorOptions { StopPlacement = placement }), new ExecutorMetrics(_telemetry), _clock, NullLogger<ExposureClock>.Instance);
}
