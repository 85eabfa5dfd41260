using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Trading;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Simulator.Tests;

/// <summary>Stops meet the path inside the bar, and the venue keeps meeting it while no client is connected.</summary>
public sealed class IntrabarTriggerTests
{
    private const double Speed = 15;

    /// <summary>
    /// Real time allowed for placing the entry and the stop before the wick can start: a stop whose trigger the price has
    /// already passed is refused, and on a loaded machine two orders took more than the 2 s this test first allowed.
    /// </summary>
    private static readonly TimeSpan PlacingTime = TimeSpan.FromSeconds(6);
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StopBelowALong_WickInsideTheBarCrossesIt_FillsAtThePathPriceWithNoClientConnected()
    {
        var (app, address) = await RunningSimulator.StartWithAsync($"--Simulator:Speed={Speed}", "--Simulator:HistoryBars=400", "--Simulator:Seed=5");
        try
        {
            var feed = app.Services.GetRequiredService<SimulatedMarketFeed>();
            var exchange = app.Services.GetRequiredService<SimulatedExchange>();
            using var http = new HttpClient { BaseAddress = address };
            var client = new BybitPrivateClient(http, SimAccount, TimeProvider.System);

            // Look ahead on the tape (the test may; clients cannot) for a wick: a dip below the price now that the bar
            // recovers from before it closes, far enough ahead to place the stop first.
            var (symbol, tape, trigger) = await FindWickAsync(feed);
            var instrument = feed.InstrumentOf(symbol);
            var quantity = instrument.MinimumQuantityAt(tape.PriceOf(0)) * 2;
            await client.PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, quantity, "wick-entry"), Cancellation);
            var stop = await client.PlaceOrderOnceAsync(
                new OrderPlacement(symbol, OrderSide.Sell, IsMarket: true, quantity, "wick-stop", ReduceOnly: true, TriggerPrice: trigger, TriggerDirection: TriggerDirection.FallsTo),
                Cancellation);
            Assert.True(stop.Status == "Untriggered", $"the stop is {stop.Status}, not waiting for its trigger {trigger}");

            // From here on nobody talks to the venue: only its heartbeat can fill the stop.
            var filled = new TaskCompletionSource<Fill>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnActivity(object? sender, ExchangeActivity activity)
            {
                foreach (var fill in activity.Events.OfType<OrderFilled>().Select(filled => filled.Fill).Where(fill => fill.OrderId == stop.OrderId))
                {
                    filled.TrySetResult(fill);
                }
            }

            exchange.ActivityPublished += OnActivity;
            Fill stopFill;
            try
            {
                stopFill = await filled.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
            }
            finally
            {
                exchange.ActivityPublished -= OnActivity;
            }

            Assert.True(stopFill.ExecutedAt < tape.Bar.CloseTime, $"filled at {stopFill.ExecutedAt:O}, after the bar closed at {tape.Bar.CloseTime:O}");
            Assert.True(stopFill.Price <= trigger, $"a sell stop fills at or below its trigger {trigger}; got {stopFill.Price}");
            Assert.True(stopFill.Price >= tape.Bar.Low - (20 * instrument.TickSize), $"slippage beyond 20 ticks under the bar's low {tape.Bar.Low}: {stopFill.Price}");
            Assert.True(tape.Bar.Close > trigger, "the bar closes above the stop: only the path inside the bar crosses it");
            Assert.Null(await client.GetPositionAsync(symbol, Cancellation));
        }
        finally
        {
            await RunningSimulator.StopAsync(app);
        }
    }

    private static async Task<(InstrumentSymbol Symbol, IntrabarTape Tape, decimal Trigger)> FindWickAsync(SimulatedMarketFeed feed)
    {
        var lead = PlacingTime * Speed;
        for (var attempt = 0; attempt < 120; attempt++)
        {
            foreach (var instrument in feed.Instruments)
            {
                var moment = feed.Moment(instrument.Symbol);
                var tape = moment.Tape;
                if (moment.Printed == 0 || tape.BarIndex != moment.BarIndex)
                {
                    continue;
                }

                var tick = instrument.TickSize;
                var placeBy = tape.CountAt(feed.Now + lead);
                var beforeLow = Enumerable.Range(moment.LastPrint, Math.Max(1, placeBy - moment.LastPrint)).Min(tape.PriceOf);
                var wick = Enumerable.Range(placeBy, Math.Max(0, tape.Count - placeBy)).Select(tape.PriceOf).DefaultIfEmpty(decimal.MaxValue).Min();
                var trigger = wick + tick;
                if (wick < decimal.MaxValue && trigger + (3 * tick) < beforeLow && tape.Bar.Close > trigger + (3 * tick))
                {
                    return (instrument.Symbol, tape, trigger);
                }
            }

            await Task.Delay(250, Cancellation);
        }

        throw new InvalidOperationException("No wick to test in a minute of simulated market.");
    }
}
