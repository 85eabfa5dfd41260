using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using CsCheck;
using static BreakoutBot.Domain.Tests.Matching.MatchingFixture;

namespace BreakoutBot.Domain.Tests.Matching;

public class MatchingEnginePropertyTests
{
    /// <summary>One random step: an order (market, GTC limit, IOC limit), a public trade or a new book.</summary>
    private sealed record Step(int Kind, bool Buy, int Units, bool ReduceOnly, int TickOffset);

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.Int[0, 4], Gen.Bool, Gen.Int[1, 60], Gen.Bool, Gen.Int[-20, 20], static (k, b, u, r, o) => new Step(k, b, u, r, o));

    private static readonly Gen<(int StartUnits, Step[] Steps)> ScenarioGen = Gen.Select(Gen.Int[-60, 60], StepGen.Array[1, 40]);

    [Fact]
    public void ReduceOnlyFills_RandomSequences_NeverIncreaseOrFlipPosition()
    {
        ScenarioGen.Sample(scenario =>
        {
            foreach (var (position, events) in Run(scenario))
            {
                var before = position;
                for (var i = 0; i < events.Count; i++)
                {
                    if (events[i] is not OrderFilled { Fill: var fill })
                    {
                        continue;
                    }

                    var after = before + (fill.Side.Sign() * fill.Quantity);
                    var order = ((OrderUpdated)events[i + 1]).Order;
                    if (order.Request.ReduceOnly && (Math.Abs(after) > Math.Abs(before) || Math.Sign(after) * Math.Sign(before) < 0))
                    {
                        return false;
                    }

                    before = after;
                }
            }

            return true;
        });
    }

    [Fact]
    public void OrderStates_RandomSequences_QuantitiesNeverNegativeAndFilledWithinOrdered()
    {
        ScenarioGen.Sample(scenario =>
        {
            foreach (var (position, events) in Run(scenario))
            {
                var fillTotal = events.OfType<OrderFilled>().Sum(static e => e.Fill.Side.Sign() * e.Fill.Quantity);
                var ok = events.OfType<OrderFilled>().All(static e => e.Fill.Quantity > 0 && e.Fill.Price > 0)
                    && events.OfType<OrderUpdated>().Select(static e => e.Order).All(static o =>
                        o.FilledQuantity >= 0 && o.LeavesQuantity >= 0 && o.FilledQuantity <= o.Quantity && o.Quantity <= o.Request.Quantity);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Position_RandomSequences_EqualsStartPlusSignedFills()
    {
        ScenarioGen.Sample(scenario =>
        {
            var engine = Engine(position: scenario.StartUnits * 0.05m);
            var expected = engine.Position;
            foreach (var events in Apply(engine, scenario.Steps))
            {
                expected += events.OfType<OrderFilled>().Sum(static e => e.Fill.Side.Sign() * e.Fill.Quantity);
            }

            return expected == engine.Position;
        });
    }

    /// <summary>Runs a scenario and yields, for each step, the position before it and the events it produced.</summary>
    private static List<(decimal Position, IReadOnlyList<MatchingEvent> Events)> Run((int StartUnits, Step[] Steps) scenario)
    {
        var engine = Engine(position: scenario.StartUnits * 0.05m);
        var results = new List<(decimal, IReadOnlyList<MatchingEvent>)>();
        var before = engine.Position;
        foreach (var events in Apply(engine, scenario.Steps))
        {
            results.Add((before, events));
            before = engine.Position;
        }

        return results;
    }

    private static IEnumerable<IReadOnlyList<MatchingEvent>> Apply(MatchingEngine engine, Step[] steps)
    {
        yield return engine.OnOrderBook(ThreeLevelBook());
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var time = T0.AddSeconds(i + 1);
            var side = step.Buy ? OrderSide.Buy : OrderSide.Sell;
            var quantity = step.Units * 0.05m;
            var price = 100m + (step.TickOffset * 0.1m);
            var id = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return step.Kind switch
            {
                0 => engine.Submit(Market(id, side, quantity, step.ReduceOnly), time).Events,
                1 => engine.Submit(Limit(id, side, quantity, price, reduceOnly: step.ReduceOnly), time).Events,
                2 => engine.Submit(Limit(id, side, quantity, price, TimeInForce.ImmediateOrCancel, step.ReduceOnly), time).Events,
                3 => engine.OnTrade(Trade(time, price, quantity, step.Buy ? TakerSide.Buy : TakerSide.Sell)),
                _ => engine.OnOrderBook(Book(time, [(price - 0.1m, quantity), (price - 0.2m, quantity)], [(price, quantity), (price + 0.1m, quantity)])),
            };
        }
    }
}
