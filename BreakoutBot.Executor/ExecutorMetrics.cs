using System.Diagnostics.Metrics;
using BreakoutBot.Data.Trading;
using BreakoutBot.ServiceDefaults;

namespace BreakoutBot.Executor;

/// <summary>The Executor's instruments on the service's one <see cref="Meter"/>.</summary>
public sealed class ExecutorMetrics
{
    private readonly Counter<long> _signals;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _fills;
    private readonly Histogram<double> _slippage;
    private readonly Histogram<double> _signalToOrder;
    private readonly Histogram<double> _orderToAck;
    private readonly Counter<long> _drift;
    private readonly Counter<long> _positionRoundFailures;
    private readonly Histogram<double> _unprotected;

    public ExecutorMetrics(ServiceTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var meter = telemetry.Meter;
        _signals = meter.CreateCounter<long>("breakoutbot.executor.signals", "{signal}", "Signals taken in, by outcome");
        _orders = meter.CreateCounter<long>("breakoutbot.executor.orders", "{order}", "Orders sent, by purpose and outcome");
        _fills = meter.CreateCounter<long>("breakoutbot.executor.fills", "{fill}", "Fills booked, by purpose");
        _slippage = meter.CreateHistogram<double>("breakoutbot.executor.entry_slippage", "bps", "Entry fill price against the price sized on, adverse positive");
        _signalToOrder = meter.CreateHistogram<double>("breakoutbot.executor.signal_to_order", "ms", "From signal detection to the entry order leaving");
        _orderToAck = meter.CreateHistogram<double>("breakoutbot.executor.order_to_ack", "ms", "From sending an order to the venue's acknowledgement");
        _positionRoundFailures = meter.CreateCounter<long>("breakoutbot.executor.position_round_failures", "{round}", "Position management rounds that failed (the other positions went on)");
        _drift = meter.CreateCounter<long>("breakoutbot.executor.reconciliation_drift", "{difference}", "Differences between the database and the venue found by reconciliation");
        _unprotected = meter.CreateHistogram<double>("breakoutbot.executor.unprotected_duration", "s", "How long an open position went without a working venue stop, per episode");
        meter.CreateObservableGauge("breakoutbot.executor.open_positions", () => OpenPositions, "{position}", "Positions open or being entered");
        meter.CreateObservableGauge("breakoutbot.executor.venue_clock_offset", () => ClockOffsetMs, "ms", "The venue's clock minus ours, as last measured");
        meter.CreateObservableGauge("breakoutbot.executor.unprotected_positions", () => UnprotectedPositions, "{position}", "Positions with open quantity and no working venue stop right now");
        meter.CreateObservableGauge("breakoutbot.executor.equity", () => (double)Equity, "USDT", "Account equity (wallet + unrealised PnL)");
        meter.CreateObservableGauge("breakoutbot.executor.drawdown", () => (double)Drawdown, "1", "Fraction below the equity peak");
        meter.CreateObservableGauge("breakoutbot.executor.kill_switch_tripped", () => KillSwitchTripped ? 1 : 0, "1", "1 while the kill switch is tripped");
    }

    public int OpenPositions { get; set; }

    public int UnprotectedPositions { get; set; }

    public double ClockOffsetMs { get; set; }

    public decimal Equity { get; set; }

    public decimal Drawdown { get; set; }

    public bool KillSwitchTripped { get; set; }

    public void Signal(SignalOutcome outcome) => _signals.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Order(OrderPurpose purpose, string outcome) =>
        _orders.Add(1, new KeyValuePair<string, object?>("purpose", purpose.ToString()), new KeyValuePair<string, object?>("outcome", outcome));

    public void Fill(OrderPurpose purpose) => _fills.Add(1, new KeyValuePair<string, object?>("purpose", purpose.ToString()));

    public void EntrySlippage(double bps) => _slippage.Record(bps);

    public void SignalToOrder(double milliseconds) => _signalToOrder.Record(milliseconds);

    public void OrderToAck(double milliseconds, OrderPurpose purpose) => _orderToAck.Record(milliseconds, new KeyValuePair<string, object?>("purpose", purpose.ToString()));

    public void PositionRoundFailed(string symbol) => _positionRoundFailures.Add(1, new KeyValuePair<string, object?>("symbol", symbol));

    public void UnprotectedEpisode(double seconds, string symbol) => _unprotected.Record(seconds, new KeyValuePair<string, object?>("symbol", symbol));

    public void Drift(string kind) => _drift.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
