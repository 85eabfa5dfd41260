using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using CsCheck;
using static BreakoutBot.Domain.Tests.Accounting.LedgerFixtures;

namespace BreakoutBot.Domain.Tests.Accounting;

/// <summary>
/// Replays random fills, redeliveries, funding settlements and mark updates, and checks the ledger against a
/// cash-flow model that shares none of its code: for perpetuals, realised + unrealised PnL must equal
/// Σ (−side × quantity × price) over fills + net quantity × mark, whatever order the fills came in.
/// </summary>
public class AccountLedgerPropertyTests
{
    private const decimal StartingWallet = 50_000m;
    private static readonly InstrumentSymbol[] Symbols = [Btc, Eth];

    private abstract record LedgerEvent;

    private sealed record FillEvent(int Symbol, OrderSide Side, decimal Quantity, decimal Price, bool AtMark, decimal FeeRate) : LedgerEvent;

    private sealed record RedeliveryEvent(int Pick) : LedgerEvent;

    private sealed record FundingEvent(int Symbol, decimal Rate, decimal Mark) : LedgerEvent;

    private sealed record MarkEvent(int Symbol, decimal Mark) : LedgerEvent;

    private static readonly Gen<decimal> Quantity = Gen.Int[1, 5_000].Select(q => q / 1_000m);
    private static readonly Gen<decimal> Price = Gen.Int[100, 10_000_000].Select(p => p / 100m);

    private static readonly Gen<LedgerEvent> Event = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, 1], Gen.Bool, Quantity, Price, Gen.Bool, Gen.Int[-200, 800], (s, buy, q, p, atMark, feePpm) =>
            (LedgerEvent)new FillEvent(s, buy ? OrderSide.Buy : OrderSide.Sell, q, p, atMark, feePpm / 1_000_000m))),
        (1, Gen.Int[0, 1_000].Select(pick => (LedgerEvent)new RedeliveryEvent(pick))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[-3_000, 3_000], Price, (s, ratePpm, mark) => (LedgerEvent)new FundingEvent(s, ratePpm / 1_000_000m, mark))),
        (2, Gen.Select(Gen.Int[0, 1], Price, (s, mark) => (LedgerEvent)new MarkEvent(s, mark))));

    private static readonly Gen<LedgerEvent[]> Events = Event.Array[1, 80];

    [Fact]
    public void Apply_RandomEventSequences_EquityMatchesCashFlowModelExactly()
    {
        Events.Sample(events =>
        {
            var model = new CashFlowModel();
            var ledger = new AccountLedger(StartingWallet);
            var fills = new List<Fill>();
            var step = 0;
            foreach (var ledgerEvent in events)
            {
                step++;
                var at = Start.AddMinutes(step);
                switch (ledgerEvent)
                {
                    case FillEvent f:
                        var symbol = Symbols[f.Symbol];
                        var price = f.AtMark && model.Marks.TryGetValue(symbol, out var mark) ? mark : f.Price;
                        var fill = FillWithFee(symbol, f.Side, f.Quantity, price, f.Quantity * price * f.FeeRate, at);
                        fills.Add(fill);
                        Assert.Equal(FillOutcome.Applied, ledger.Apply(fill).Outcome);
                        model.Apply(fill);
                        break;
                    case RedeliveryEvent r when fills.Count > 0:
                        var equityBefore = ledger.Equity;
                        Assert.Equal(FillOutcome.Duplicate, ledger.Apply(fills[r.Pick % fills.Count]).Outcome);
                        Assert.Equal(equityBefore, ledger.Equity);
                        break;
                    case FundingEvent e:
                        var funding = ledger.ApplyFunding(Symbols[e.Symbol], e.Rate, e.Mark, at);
                        Assert.Equal(-e.Rate * model.NetQuantity(Symbols[e.Symbol]) * e.Mark, funding.Amount);
                        model.Funding += funding.Amount;
                        break;
                    case MarkEvent m:
                        ledger.UpdateMarkPrice(Symbols[m.Symbol], m.Mark);
                        model.Marks[Symbols[m.Symbol]] = m.Mark;
                        break;
                }

                AssertMatches(model, ledger);
            }
        });
    }

    [Fact]
    public void Apply_FillAtTheMarkPrice_ChangesEquityByExactlyMinusTheFee()
    {
        Gen.Select(Events, Gen.Bool, Quantity, Gen.Int[0, 1_000]).Sample((events, buy, quantity, feePpm) =>
        {
            var ledger = new AccountLedger(StartingWallet);
            Replay(ledger, events);
            ledger.UpdateMarkPrice(Btc, 1_234.5m);
            var fee = quantity * 1_234.5m * feePpm / 1_000_000m;
            var equityBefore = ledger.Equity;

            ledger.Apply(FillWithFee(Btc, buy ? OrderSide.Buy : OrderSide.Sell, quantity, 1_234.5m, fee));

            Assert.Equal(equityBefore - fee, ledger.Equity);
        });
    }

    [Fact]
    public void Apply_RandomEventSequences_PositionTotalsAddUpToLedgerTotals()
    {
        Events.Sample(events =>
        {
            var ledger = new AccountLedger(StartingWallet);
            Replay(ledger, events);

            Assert.Equal(ledger.RealisedPnl, ledger.ClosedTrades.Sum(t => t.RealisedPnl) + ledger.Positions.Sum(p => p.RealisedPnl));
            Assert.Equal(ledger.FeesPaid, ledger.ClosedTrades.Sum(t => t.Fees) + ledger.Positions.Sum(p => p.FeesPaid));
            Assert.Equal(ledger.Funding, ledger.ClosedTrades.Sum(t => t.Funding) + ledger.Positions.Sum(p => p.Funding));
            Assert.Equal(ledger.WalletBalance - StartingWallet, ledger.ClosedTrades.Sum(t => t.NetPnl) + ledger.Positions.Sum(p => p.RealisedPnl - p.FeesPaid + p.Funding));
            Assert.All(ledger.Positions, p => Assert.True(p.Quantity > 0m && p.EntryValue > 0m));
            Assert.All(ledger.ClosedTrades, t => Assert.True(t.Quantity > 0m && t.ClosedAt >= t.OpenedAt));
        });
    }

    private static void Replay(AccountLedger ledger, LedgerEvent[] events)
    {
        var step = 0;
        foreach (var ledgerEvent in events)
        {
            var at = Start.AddMinutes(++step);
            switch (ledgerEvent)
            {
                case FillEvent f:
                    ledger.Apply(FillWithFee(Symbols[f.Symbol], f.Side, f.Quantity, f.Price, f.Quantity * f.Price * f.FeeRate, at));
                    break;
                case FundingEvent e:
                    ledger.ApplyFunding(Symbols[e.Symbol], e.Rate, e.Mark, at);
                    break;
                case MarkEvent m:
                    ledger.UpdateMarkPrice(Symbols[m.Symbol], m.Mark);
                    break;
            }
        }
    }

    private static void AssertMatches(CashFlowModel model, AccountLedger ledger)
    {
        Assert.Equal(model.Fees, ledger.FeesPaid);
        Assert.Equal(model.Funding, ledger.Funding);
        Assert.Equal(StartingWallet + ledger.RealisedPnl - ledger.FeesPaid + ledger.Funding, ledger.WalletBalance);
        Assert.Equal(ledger.WalletBalance + ledger.UnrealisedPnl, ledger.Equity);
        Assert.Equal(StartingWallet - model.Fees + model.Funding + model.TradingPnl(), ledger.Equity);
        foreach (var symbol in Symbols)
        {
            Assert.Equal(model.NetQuantity(symbol), ledger.PositionOf(symbol)?.SignedQuantity ?? 0m);
        }
    }

    /// <summary>Perpetual PnL as cash flows: buying pays quantity × price, selling receives it, open quantity is worth its mark.</summary>
    private sealed class CashFlowModel
    {
        private readonly Dictionary<InstrumentSymbol, decimal> _netQuantities = [];
        private decimal _cash;

        public Dictionary<InstrumentSymbol, decimal> Marks { get; } = [];

        public decimal Fees { get; private set; }

        public decimal Funding { get; set; }

        public void Apply(Fill fill)
        {
            _cash -= fill.Side.Sign() * fill.Quantity * fill.Price;
            _netQuantities[fill.Symbol] = NetQuantity(fill.Symbol) + fill.Side.Sign() * fill.Quantity;
            Marks.TryAdd(fill.Symbol, fill.Price);
            Fees += fill.Fee;
        }

        public decimal NetQuantity(InstrumentSymbol symbol) => _netQuantities.GetValueOrDefault(symbol);

        public decimal TradingPnl() => _cash + _netQuantities.Sum(p => p.Value * Marks[p.Key]);
    }
}
