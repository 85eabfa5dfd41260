using System.Diagnostics.Metrics;
using BreakoutBot.ServiceDefaults;

namespace BreakoutBot.Scanner;

/// <summary>The Scanner's instruments, on the service's one Meter.</summary>
public sealed class ScannerMetrics
{
    private int _symbolsTracked;
    private long _dataGaps;
    private long _reconnects;

    public ScannerMetrics(ServiceTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var meter = telemetry.Meter;
        meter.CreateObservableGauge("breakoutbot.scanner.symbols_tracked", () => Volatile.Read(ref _symbolsTracked), description: "Symbols in the scanned universe");
        EvaluationDuration = meter.CreateHistogram<double>("breakoutbot.scanner.evaluation.duration", "ms", "Evaluation of one close for the whole universe");
        CloseToSignalLatency = meter.CreateHistogram<double>("breakoutbot.scanner.close_to_signal.latency", "ms", "From a candle's close to its signal's publication");
        SignalsEmitted = meter.CreateCounter<long>("breakoutbot.scanner.signals", description: "Signals published, by strategy and side");
        FilterRejections = meter.CreateCounter<long>("breakoutbot.scanner.filter_rejections", description: "Symbols failing a filter, by filter");
        DataGaps = meter.CreateCounter<long>("breakoutbot.scanner.data_gaps", description: "Missing candles detected and back-filled");
        StreamReconnects = meter.CreateCounter<long>("breakoutbot.scanner.stream_reconnects", description: "Market data stream reconnections");
    }

    public Histogram<double> EvaluationDuration { get; }

    public Histogram<double> CloseToSignalLatency { get; }

    public Counter<long> SignalsEmitted { get; }

    public Counter<long> FilterRejections { get; }

    private Counter<long> DataGaps { get; }

    private Counter<long> StreamReconnects { get; }

    public long DataGapTotal => Interlocked.Read(ref _dataGaps);

    public long StreamReconnectTotal => Interlocked.Read(ref _reconnects);

    public void RecordDataGap()
    {
        Interlocked.Increment(ref _dataGaps);
        DataGaps.Add(1);
    }

    public void RecordStreamReconnect()
    {
        Interlocked.Increment(ref _reconnects);
        StreamReconnects.Add(1);
    }

    public void SetSymbolsTracked(int count) => Volatile.Write(ref _symbolsTracked, count);
}
