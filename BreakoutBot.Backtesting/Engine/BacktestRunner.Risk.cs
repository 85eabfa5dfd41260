using BreakoutBot.Domain.Risk;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>The account's risk, kept by the executor's <see cref="RiskGate"/>.</summary>
public sealed partial class BacktestRunner
{
    /// <summary>At a close: the day's loss against <c>kill_switch_loss_limit</c>, as the executor checks it every round.</summary>
    private void WatchDailyLoss(DateTimeOffset closeTime)
    {
        ReArmOnANewDay(closeTime);
        var equity = Equity();
        _risk.ObserveEquity(closeTime, equity);
        if (_risk.DailyLossBreach(settings.Preset.Risk, equity) is { } reason)
        {
            Trip(reason, closeTime, flatten: true);
        }
    }

    private void Trip(string reason, DateTimeOffset at, bool flatten)
    {
        if (_risk.Trip(reason, at, flatten) == KillSwitchTripOutcome.Tripped)
        {
            _killSwitchTrips++;
        }

        if (_risk.FlattenRequested)
        {
            foreach (var trade in _open.Values.OrderBy(open => open.Position.Symbol.Value, StringComparer.Ordinal).ToList())
            {
                CloseAtMarket(trade, _instruments[trade.Position.Symbol], _lastClose[trade.Position.Symbol], at, KillSwitchFlatten);
            }

            _risk.FlattenDone();
        }
    }

    /// <summary>A kill switch tripped on an earlier UTC day is re-armed: the operator's morning reset of a live run.</summary>
    private void ReArmOnANewDay(DateTimeOffset now)
    {
        if (_risk.BlocksEntries && _risk.KillSwitch.TrippedAt is { } tripped && tripped.UtcDateTime.Date < now.UtcDateTime.Date)
        {
            _risk.Reset("backtest: a new UTC day", now);
        }
    }
}
