using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Trading;

/// <summary>The exchange's publishing side: what the private WebSocket streams (order, execution, position, wallet) carry.</summary>
public sealed partial class SimulatedExchange
{
    /// <summary>
    /// Raised after every command or book change that produced matching events, in the order they happened, with the
    /// account as it stands afterwards. Raised under the exchange's lock: handlers must be quick and must not call back
    /// into the exchange.
    /// </summary>
    public event EventHandler<ExchangeActivity>? ActivityPublished;

    /// <summary>Lets resting orders meet the latest simulated book now rather than at the next request.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            CatchUp();
        }
    }

    /// <summary>The wallet moved without a fill (funding): pushes it alone.</summary>
    private void PublishWallet() =>
        ActivityPublished?.Invoke(this, new ExchangeActivity([], [], WalletNow(), feed.Now));

    private WalletReport WalletNow() => new(
        _ledger.WalletBalance,
        _ledger.Equity,
        _ledger.UnrealisedPnl,
        _ledger.RealisedPnl,
        _ledger.InitialMargin,
        _ledger.MaintenanceMargin,
        _ledger.AvailableBalance);

    private void Publish(IReadOnlyList<MatchingEvent> events)
    {
        if (events.Count == 0 || ActivityPublished is not { } handler)
        {
            return;
        }

        var symbols = new List<InstrumentSymbol>();
        var anyFill = false;
        foreach (var matchingEvent in events)
        {
            var symbol = matchingEvent switch
            {
                OrderFilled filled => filled.Fill.Symbol,
                OrderUpdated updated => updated.Order.Request.Symbol,
                _ => (InstrumentSymbol?)null,
            };
            anyFill |= matchingEvent is OrderFilled;
            if (symbol is { } known && !symbols.Contains(known))
            {
                symbols.Add(known);
            }
        }

        // Bybit pushes the position on every order change, even when nothing moved; the wallet only when money moved.
        var positions = symbols.Select(symbol =>
        {
            var position = _ledger.PositionOf(symbol);
            return new PositionReport(symbol, position, _ledger.MarkPriceOf(symbol) ?? position?.AverageEntryPrice ?? 0m, _ledger.LeverageOf(symbol));
        }).ToList();
        var wallet = anyFill ? WalletNow() : null;
        handler(this, new ExchangeActivity(events, positions, wallet));
    }
}
