using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Schema;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Executor.Lease;
using BreakoutBot.Executor.Trading;
using BreakoutBot.ServiceDefaults;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>
/// An order router on its own: a scripted venue, a fake clock, the account lease and a migrated database of its own
/// (real PostgreSQL: the router's promises are about what is committed when).
/// </summary>
internal sealed class RouterBench : IAsyncDisposable
{
    public static readonly TimeSpan LostOrderTimeout = TimeSpan.FromSeconds(15);

    private readonly ServiceTelemetry _telemetry = new("router-tests");

    private RouterBench(string connectionString, AccountLease lease)
    {
        ConnectionString = connectionString;
        Lease = lease;
        var metrics = new ExecutorMetrics(_telemetry);
        Router = new OrderRouter(Venue, lease, Options.Create(new ExecutorOptions { LostOrderTimeout = LostOrderTimeout }), metrics, _telemetry, Clock,
            NullLogger<OrderRouter>.Instance);
        Reconciler = new Reconciler(Venue, Router, metrics, Clock, NullLogger<Reconciler>.Instance);
        Database = NewContext();
    }

    public ScriptedVenue Venue { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public AccountLease Lease { get; }

    public OrderRouter Router { get; }

    /// <summary>Reconciliation's comparison and outside-exit booking, over the same venue and router.</summary>
    public Reconciler Reconciler { get; }

    /// <summary>The unit of work the router writes into (as the engine's step would).</summary>
    public TradingDbContext Database { get; }

    public string ConnectionString { get; }

    public static async Task<RouterBench> StartAsync(LocalPostgresServer postgres, bool holdLease = true)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var database = Context(connectionString))
        {
            await DatabaseSchema.MigrateAndSeedAsync(database, TimeProvider.System, TestContext.Current.CancellationToken);
        }

        var lease = new AccountLease(connectionString, "router-tests");
        if (holdLease)
        {
            Assert.True(await lease.TryAcquireAsync(TestContext.Current.CancellationToken));
        }

        return new RouterBench(connectionString, lease);
    }

    /// <summary>
    /// One management round over the unfinished orders whose ids start with <paramref name="prefix"/>, as the engine's
    /// position refresh runs it: an order the venue shows is applied; one it does not show is waited for, ended as
    /// unseen, cancelled or sent again (<paramref name="placementOf"/> gives its placement; <paramref name="beforeSendAgain"/>
    /// may script the venue's answer first).
    /// </summary>
    public async Task ResolveRoundAsync(string prefix, Func<string, OrderPlacement> placementOf, Action? beforeSendAgain = null)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var orders = await Database.Orders.Where(order => order.OrderId.StartsWith(prefix)).ToListAsync(cancellation);
        foreach (var order in orders.Where(order => !order.Status.IsTerminal()))
        {
            if (await Venue.GetOrderAsync(InstrumentSymbol.Parse(order.Symbol), order.OrderId, cancellation) is { } shown)
            {
                await Router.ApplyAsync(Database, order, shown, prefix, cancellation);
            }
            else
            {
                switch (Router.DecideUnshown(order))
                {
                    case UnshownOrderAction.EndAsUnseen:
                        Router.EndUnseen(Database, order, prefix);
                        break;
                    case UnshownOrderAction.Cancel:
                        await Router.CancelAsync(Database, order, prefix, cancellation);
                        break;
                    case UnshownOrderAction.SendAgain:
                        beforeSendAgain?.Invoke();
                        order.UpdatedAt = Clock.GetUtcNow();
                        await Router.PlaceAsync(Database, null, placementOf(order.OrderId), order.Purpose, prefix, cancellation);
                        break;
                }
            }

            await Database.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>A second context: what another reader (or a restart) sees as committed.</summary>
    public TradingDbContext NewContext() => Context(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await Lease.DisposeAsync();
        _telemetry.Dispose();
    }

    private static TradingDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(connectionString).Options);
}
