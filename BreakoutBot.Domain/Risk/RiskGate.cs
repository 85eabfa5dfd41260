using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Risk;

/// <summary>
/// The one owner of an account's risk state: the kill switch, the trading day's starting equity, the equity peak and
/// the losing streak. It decides (entries against the portfolio limits, the daily loss limit, trips and resets) and
/// says what changed; it never touches the venue or the database itself — the executor loads it from and writes it to
/// the account's stored risk row in the step's unit of work, and the backtester runs the same gate over its account.
/// </summary>
public sealed class RiskGate
{
    /// <summary>The kill switch as it stands (armed until something trips it; only an operator resets it).</summary>
    public KillSwitch KillSwitch { get; private set; } = KillSwitch.Armed;

    /// <summary>Equity when the current trading day began; null until the first equity is seen.</summary>
    public DailyEquityBaseline? DayStart { get; private set; }

    /// <summary>The highest equity seen, the reference for drawdown.</summary>
    public decimal PeakEquity { get; private set; }

    /// <summary>Losing trades in a row; a winning trade or an operator's reset clears it.</summary>
    public int ConsecutiveLosses { get; private set; }

    /// <summary>Whether new entries are blocked (the kill switch is tripped).</summary>
    public bool BlocksEntries => KillSwitch.BlocksEntries;

    /// <summary>Whether a flatten was asked for and is not done yet.</summary>
    public bool FlattenRequested => KillSwitch.FlattenRequested;

    /// <summary>Takes a stored state (on start, after a restart or a new lease).</summary>
    public void Restore(KillSwitch killSwitch, DailyEquityBaseline? dayStart, decimal peakEquity, int consecutiveLosses)
    {
        ArgumentNullException.ThrowIfNull(killSwitch);
        (KillSwitch, DayStart, PeakEquity, ConsecutiveLosses) = (killSwitch, dayStart, peakEquity, consecutiveLosses);
    }

    /// <summary>An equity reading: a new trading day starts at it, and it may be a new peak.</summary>
    public void ObserveEquity(DateTimeOffset now, decimal equity)
    {
        DayStart = DayStart is null ? DailyEquityBaseline.Start(now, equity) : DayStart.RollTo(now, equity);
        PeakEquity = Math.Max(PeakEquity, equity);
    }

    /// <summary>How far <paramref name="equity"/> is below the peak, as a fraction (0 at or above it).</summary>
    public decimal DrawdownAt(decimal equity) => PeakEquity > 0 ? Math.Max(0, (PeakEquity - equity) / PeakEquity) : 0;

    /// <summary>
    /// The daily loss check: the reason to trip (with a flatten) when the day's loss at <paramref name="equity"/> has
    /// reached <c>kill_switch_loss_limit</c>, else null. A tripped switch or an unknown day start never trips again.
    /// </summary>
    public string? DailyLossBreach(RiskConfig risk, decimal equity)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (KillSwitch.BlocksEntries || DayStart is not { } dayStart)
        {
            return null;
        }

        var loss = dayStart.LossFraction(equity);
        return loss >= risk.KillSwitchLossLimit
            ? $"daily drawdown {loss:P2} reached kill_switch_loss_limit {risk.KillSwitchLossLimit:P2}"
            : null;
    }

    /// <summary>
    /// Records <paramref name="equity"/> as a reading (<see cref="ObserveEquity"/>: a new day may start, a new peak) and
    /// returns the account as the portfolio limits read it, with this gate's day start, streak and kill switch.
    /// </summary>
    public PortfolioState Portfolio(decimal equity, IReadOnlyList<OpenExposure> exposures, DateTimeOffset now)
    {
        ObserveEquity(now, equity);
        return new PortfolioState
        {
            Equity = equity,
            DayStart = DayStart!,
            Exposures = exposures,
            ConsecutiveLosses = ConsecutiveLosses,
            KillSwitch = KillSwitch,
        };
    }

    /// <summary>Trips the kill switch; the first reason is kept, and a later trip can only add a flatten.</summary>
    public KillSwitchTripOutcome Trip(string reason, DateTimeOffset now, bool flatten)
    {
        var transition = KillSwitch.Trip(reason, now, flatten);
        if (transition.IsAccepted)
        {
            KillSwitch = transition.Next;
            return KillSwitchTripOutcome.Tripped;
        }

        if (flatten && !KillSwitch.FlattenRequested)
        {
            KillSwitch = KillSwitch with { FlattenRequested = true };
            return KillSwitchTripOutcome.FlattenAdded;
        }

        return KillSwitchTripOutcome.Unchanged;
    }

    /// <summary>
    /// An operator re-arms the switch. What may have tripped it is accepted with the reset, since it would trip again at
    /// once: the losing streak is cleared, and when <paramref name="equityNow"/> is known the day's loss is measured from
    /// it for the rest of the day (a further <c>kill_switch_loss_limit</c> trips it again). False when there was nothing
    /// to reset.
    /// </summary>
    public bool Reset(string operatorName, DateTimeOffset now, decimal? equityNow = null)
    {
        var transition = KillSwitch.Reset(operatorName, now);
        if (!transition.IsAccepted)
        {
            return false;
        }

        KillSwitch = transition.Next;
        ConsecutiveLosses = 0;
        if (equityNow is { } equity)
        {
            DayStart = DailyEquityBaseline.Start(now, equity);
        }

        return true;
    }

    /// <summary>The flatten found nothing open any more.</summary>
    public void FlattenDone() => KillSwitch = KillSwitch with { FlattenRequested = false };

    /// <summary>A closed trade's result: a loss lengthens the streak, anything else ends it.</summary>
    public void RecordTradeResult(decimal realizedPnl) => ConsecutiveLosses = realizedPnl < 0 ? ConsecutiveLosses + 1 : 0;
}
