using System.Globalization;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// Signal-to-order and order-to-ack latency figures for docs/BENCHMARKS.md, read from the executor's own histograms
/// over a series of signals (one market entry each, closed before the next). Explicit because the figures depend on
/// the machine: <c>dotnet test tests/BreakoutBot.Executor.Tests -c Release --filter FullyQualifiedName~ExecutorLatencyMeasurements -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class ExecutorLatencyMeasurements(LocalPostgresServer postgres)
{
    private const int Signals = 18; // each is closed at once, at a small loss: below the losing-streak limit (20 at most)

    [Fact(Explicit = true)]
    public async Task SignalToOrderAndOrderToAck_OverASeriesOfSignals()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(("execution_config.enable_twap", false), ("execution_config.enable_iceberg", false), ("risk.daily_risk_limit", 0.5m), ("risk.kill_switch_loss_limit", 0.5m), ("risk.max_consecutive_losses", 20));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        using var measurements = new MeasurementRecorder(executor.Meter);
        string[] symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

        for (var index = 0; index < Signals; index++)
        {
            var signal = await stack.LongSignalAsync(symbols[index % symbols.Length], 0.01m);
            await stack.PublishSignalAsync(signal);
            var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
            Assert.True((await stack.SendCommandAsync(EngineCommandKind.ClosePosition, positionId)).Accepted);
        }

        var signalToOrder = measurements.Values("breakoutbot.executor.signal_to_order").Order().ToArray();
        var entryAck = measurements.Values("breakoutbot.executor.order_to_ack", "purpose", "Entry").Order().ToArray();
        Report(string.Create(CultureInfo.InvariantCulture,
            $"signal_to_order (signal detected → entry leaves; includes the Redis hop and the venue reads of the risk check), {signalToOrder.Length} signals: p50 {Percentile(signalToOrder, 0.50):0.0} ms, p99 {Percentile(signalToOrder, 0.99):0.0} ms, max {signalToOrder[^1]:0.0} ms"));
        Report(string.Create(CultureInfo.InvariantCulture,
            $"order_to_ack (entry create → venue answer, loopback simulator), {entryAck.Length} orders: p50 {Percentile(entryAck, 0.50):0.0} ms, p99 {Percentile(entryAck, 0.99):0.0} ms"));
        Assert.Equal(Signals, signalToOrder.Length);
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "executor-latency.txt"), line + Environment.NewLine);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
