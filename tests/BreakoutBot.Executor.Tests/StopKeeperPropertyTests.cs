using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// The stop keeper with the real order router on PostgreSQL, against a scripted venue over random sequences: the
/// venue accepts, refuses, loses answers and requests and shows orders late; the price walks and fires stops; the stop
/// trails up and the quantity grows and shrinks. Proven each round: a working stop is never cancelled before its
/// replacement is confirmed working, every stop sent is a reduce-only close at the wanted level and never at a level
/// the price has passed, and a round in which the venue behaves ends with the position covered (or exiting). Seeded:
/// a failure names its seed and replays exactly.
/// </summary>
public sealed class StopKeeperPropertyTests(LocalPostgresServer postgres)
{
    private const int Scenarios = 40;
    private const int Rounds = 30;

    private static readonly InstrumentSymbol Symbol = InstrumentSymbol.Parse("ETHUSDT");

    private static readonly PlacementAnswer[] Answers = Enum.GetValues<PlacementAnswer>();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RandomVenueAnswersAndMarkets_TheStopIsReplacedPlaceThenCancel_NeverSentCrossed_AndCoversOnceTheVenueBehaves()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        for (var seed = 1; seed <= Scenarios; seed++)
        {
            await new Scenario(bench, seed).RunAsync();
        }
    }

    /// <summary>One position's life: the model holds the venue's position and the price; the keeper and the router hold the orders.</summary>
    private sealed class Scenario(RouterBench bench, int seed) : IStopOrders
    {
        private readonly Random _random = new(seed);
        private readonly string _positionId = $"pk{seed}";
        private readonly Dictionary<string, OrderPlacement> _sent = new(StringComparer.Ordinal);
        private decimal _price = 100m;
        private decimal _position = 3m;
        private StopTarget _target;
        private int _round;

        private string Where => $"seed {seed}, round {_round}";

        public async Task RunAsync()
        {
            _target = new StopTarget(_positionId, Symbol, PositionDirection.Long, 95m, _position);
            for (_round = 1; _round <= Rounds && _position > 0; _round++)
            {
                var calm = _round > Rounds - 5 || _random.Next(3) == 0;
                MoveMarket();
                if (_position <= 0)
                {
                    break;
                }

                bench.Venue.ClearAnswers();
                if (calm)
                {
                    bench.Venue.RevealAll();
                    bench.Venue.HiddenReads = 0;
                    bench.Clock.Advance(RouterBench.LostOrderTimeout + TimeSpan.FromSeconds(1));
                }
                else
                {
                    bench.Venue.HiddenReads = _random.Next(0, 3);
                    bench.Venue.Answer(Answers[_random.Next(Answers.Length)], Answers[_random.Next(Answers.Length)], Answers[_random.Next(Answers.Length)]);
                    bench.Clock.Advance(TimeSpan.FromSeconds(_random.Next(0, 9)));
                }

                await ResolveAsync();
                var sync = await StopKeeper.SyncAsync(this, _target, Cancellation);
                if (sync == StopSync.Crossed)
                {
                    // The caller exits at market (keeping whatever stop works until then): the position is flat.
                    Assert.True(_price <= _target.Level, $"{Where}: crossed reported at {_price} above the level {_target.Level}");
                    _position = 0;
                    break;
                }

                if (sync == StopSync.Working)
                {
                    Assert.True(VenueCovers(_target.Level, _target.Quantity), $"{Where}: Working, yet the venue holds no working stop at {_target.Level} for {_target.Quantity}");
                }

                if (calm)
                {
                    // Two passes at most: the first may only learn that an unanswered stop was never taken.
                    if (sync != StopSync.Working)
                    {
                        await ResolveAsync();
                        sync = await StopKeeper.SyncAsync(this, _target, Cancellation);
                    }

                    Assert.True(sync is StopSync.Working or StopSync.Crossed, $"{Where}: the venue behaved, yet the stop is {sync}");
                }
            }
        }

        public async Task<IReadOnlyList<OrderRecord>> StopsAsync(CancellationToken cancellationToken) =>
            (await bench.Database.Orders.Where(order => order.OrderId.StartsWith(_positionId + "-s")).ToListAsync(cancellationToken))
            .OrderBy(order => order.CreatedAt).ThenBy(order => order.OrderId.Length).ThenBy(order => order.OrderId, StringComparer.Ordinal).ToList();

        public Task<bool> LevelCrossedAsync(decimal level, CancellationToken cancellationToken) => Task.FromResult(_price <= level);

        public async Task<OrderRecord?> PlaceAsync(OrderPlacement placement, CancellationToken cancellationToken)
        {
            Assert.True(placement.ReduceOnly && placement.Side == OrderSide.Sell, $"{Where}: {placement.OrderLinkId} is not a reduce-only sell: it could open a position");
            Assert.Equal((_target.Level, _target.Quantity), (placement.TriggerPrice!.Value, placement.Quantity));
            Assert.True(_price > _target.Level, $"{Where}: a stop at {_target.Level} was sent with the price at {_price}, already through it");
            _sent.TryAdd(placement.OrderLinkId, placement);
            var step = await bench.Router.PlaceAsync(bench.Database, null, placement, OrderPurpose.StopLoss, _positionId, cancellationToken);
            await bench.Database.SaveChangesAsync(cancellationToken);
            return step?.Order;
        }

        public async Task CancelAsync(OrderRecord order, CancellationToken cancellationToken)
        {
            var others = _sent.Keys.Where(id => id != order.OrderId);
            Assert.True(others.Any(id => IsWorkingAtVenue(id) && _sent[id].TriggerPrice == _target.Level && _sent[id].Quantity >= _target.Quantity),
                $"{Where}: {order.OrderId} is cancelled while no replacement works at the venue");
            await bench.Router.CancelAsync(bench.Database, order, _positionId, cancellationToken);
            await bench.Database.SaveChangesAsync(cancellationToken);
        }

        public Task ConfirmedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>The price walks; a working stop it reaches fires (reduce-only: never more than the position); the stop may trail and the quantity change.</summary>
        private void MoveMarket()
        {
            _price += _random.Next(-2, 3);
            foreach (var (id, placement) in _sent.Where(pair => IsWorkingAtVenue(pair.Key) && _price <= pair.Value.TriggerPrice).ToList())
            {
                var filled = Math.Min(placement.Quantity, _position);
                if (filled > 0)
                {
                    bench.Venue.Fill(id, filled, _price, 0m);
                    _position -= filled;
                }

                // What a reduce-only order cannot reduce is cancelled by the venue.
                _ = bench.Venue.CancelOrderAsync(Symbol, id, Cancellation);
            }

            var level = _target.Level;
            if (_random.Next(3) == 0)
            {
                level = Math.Max(level, _price - _random.Next(0, 4));
            }

            var change = _random.Next(8) switch { 0 => 1m, 1 when _position > 1 => -1m, _ => 0m };
            _position += change;
            _target = _target with { Level = level, Quantity = _position };
        }

        private bool IsWorkingAtVenue(string orderLinkId) => bench.Venue.Truth(orderLinkId) is { Status: "New" or "Untriggered" or "PartiallyFilled" };

        private bool VenueCovers(decimal level, decimal quantity) =>
            _sent.Any(pair => IsWorkingAtVenue(pair.Key) && pair.Value.TriggerPrice == level && pair.Value.Quantity >= quantity);

        /// <summary>The engine's refresh of unfinished orders, as it runs before protection each round.</summary>
        private Task ResolveAsync() => bench.ResolveRoundAsync(_positionId + "-s", id => _sent[id]);
    }
}
