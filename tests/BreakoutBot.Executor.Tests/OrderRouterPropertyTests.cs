using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// The order router over random sequences of venue answers (accepted, refused, answer lost, request lost, server
/// error, shown late, partly and fully filled), resolved the way the engine resolves them each round. Seeded: a
/// failure names its seed and replays exactly.
/// </summary>
public sealed class OrderRouterPropertyTests(LocalPostgresServer postgres)
{
    private const int Scenarios = 40;

    private static readonly InstrumentSymbol Symbol = InstrumentSymbol.Parse("ETHUSDT");

    private static readonly PlacementAnswer[] Answers = Enum.GetValues<PlacementAnswer>();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RandomVenueAnswers_NoOrderIsBookedAgainstTheVenuesWord_AndEveryFateEndsKnown()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        for (var seed = 1; seed <= Scenarios; seed++)
        {
            await RunScenarioAsync(bench, seed);
        }
    }

    private static async Task RunScenarioAsync(RouterBench bench, int seed)
    {
        var random = new Random(seed);
        var prefix = $"s{seed}-";
        var placements = new Dictionary<string, OrderPlacement>(StringComparer.Ordinal);
        var orderCount = random.Next(1, 4);
        for (var index = 1; index <= orderCount; index++)
        {
            var purpose = new[] { OrderPurpose.Entry, OrderPurpose.StopLoss, OrderPurpose.Exit }[random.Next(3)];
            var linkId = prefix + purpose.ToString()[0] + index;
            var placement = purpose switch
            {
                OrderPurpose.Entry => new OrderPlacement(Symbol, OrderSide.Buy, IsMarket: true, random.Next(1, 5), linkId),
                OrderPurpose.StopLoss => OrderRouterTests.Stop(linkId, random.Next(1, 5)),
                _ => new OrderPlacement(Symbol, OrderSide.Sell, IsMarket: true, random.Next(1, 5), linkId, ReduceOnly: true),
            };
            placements[linkId] = placement;
            bench.Venue.HiddenReads = random.Next(0, 4);
            bench.Venue.Answer(Answers[random.Next(Answers.Length)]);
            await bench.Router.PlaceAsync(bench.Database, null, placement, purpose, prefix, Cancellation);
            await bench.Database.SaveChangesAsync(Cancellation);
            await CheckAsync(bench, seed, prefix, placements, final: false);
        }

        for (var round = 0; round < 15; round++)
        {
            FillSomething(bench, random, placements.Keys);
            bench.Clock.Advance(TimeSpan.FromSeconds(random.Next(0, 9)));
            await ResolveRoundAsync(bench, random, prefix, placements);
            await CheckAsync(bench, seed, prefix, placements, final: false);
        }

        // The venue recovers: every answer arrives and every order shows; the rounds go on until nothing is unknown.
        bench.Venue.RevealAll();
        for (var round = 0; round < 4; round++)
        {
            bench.Clock.Advance(RouterBench.LostOrderTimeout + TimeSpan.FromSeconds(1));
            await ResolveRoundAsync(bench, random: null, prefix, placements);
        }

        await CheckAsync(bench, seed, prefix, placements, final: true);
    }

    /// <summary>One management round over the scenario's unfinished orders, as the engine's position refresh runs it.</summary>
    private static Task ResolveRoundAsync(RouterBench bench, Random? random, string prefix, Dictionary<string, OrderPlacement> placements) =>
        bench.ResolveRoundAsync(prefix, id => placements[id], random is null ? null : () => bench.Venue.Answer(Answers[random.Next(Answers.Length)]));

    private static void FillSomething(RouterBench bench, Random random, IEnumerable<string> linkIds)
    {
        var fillable = linkIds.Where(id => bench.Venue.Truth(id) is { Status: "New" or "PartiallyFilled" }).ToList();
        if (fillable.Count == 0 || random.Next(2) == 0)
        {
            return;
        }

        var linkId = fillable[random.Next(fillable.Count)];
        var truth = bench.Venue.Truth(linkId)!;
        var quantity = random.Next(2) == 0 ? truth.Quantity - truth.FilledQuantity : 1m;
        bench.Venue.Fill(linkId, quantity, 100m + random.Next(0, 50) / 10m, 0.01m * quantity);
    }

    private static async Task CheckAsync(RouterBench bench, int seed, string prefix, Dictionary<string, OrderPlacement> placements, bool final)
    {
        var orders = await bench.Database.Orders.AsNoTracking().Where(order => order.OrderId.StartsWith(prefix)).ToListAsync(Cancellation);
        var fills = await bench.Database.Fills.AsNoTracking().Where(fill => fill.OrderId.StartsWith(prefix)).ToListAsync(Cancellation);
        Assert.Equal(placements.Count, orders.Count);
        foreach (var order in orders)
        {
            var where = $"seed {seed}, order {order.OrderId} ({order.Purpose}, {order.Status})";
            var truth = bench.Venue.Truth(order.OrderId);
            var booked = fills.Where(fill => fill.OrderId == order.OrderId).ToList();
            Assert.False(truth is not null && order.Status == OrderRecordStatus.Rejected, $"{where}: the venue holds it, yet it is booked Rejected");
            Assert.False(order.Status == OrderRecordStatus.Rejected && !bench.Venue.Refused.Contains(order.OrderId), $"{where}: Rejected, yet the venue never refused it");
            Assert.True(booked.Sum(fill => fill.Quantity) == order.FilledQuantity, $"{where}: fills add up to {booked.Sum(fill => fill.Quantity)}, the order says {order.FilledQuantity}");
            Assert.True(order.FilledQuantity <= (truth?.FilledQuantity ?? 0), $"{where}: booked {order.FilledQuantity} filled, the venue filled {truth?.FilledQuantity ?? 0}");
            if (order.Purpose == OrderPurpose.Entry)
            {
                Assert.True(bench.Venue.Received.Count(placement => placement.OrderLinkId == order.OrderId) == 1, $"{where}: an entry went to the venue more than once");
            }

            if (!final)
            {
                continue;
            }

            Assert.True(order.Status != OrderRecordStatus.Pending, $"{where}: still unknown after the venue recovered");
            if (truth is not null)
            {
                Assert.True(truth.Status == order.Status.ToString(), $"{where}: the venue says {truth.Status}");
                Assert.True(truth.FilledQuantity == order.FilledQuantity, $"{where}: the venue filled {truth.FilledQuantity}, booked {order.FilledQuantity}");
                Assert.True(truth.Fee == booked.Sum(fill => fill.Fee), $"{where}: the venue charged {truth.Fee}, booked {booked.Sum(fill => fill.Fee)}");
            }
            else
            {
                Assert.True(
                    order.Status == OrderRecordStatus.Rejected || (order.Status == OrderRecordStatus.Cancelled && order.RejectReason?.Contains("never shown", StringComparison.Ordinal) == true),
                    $"{where}: the venue never took it, so it ends Rejected (refused) or Cancelled as never shown");
            }
        }
    }
}
