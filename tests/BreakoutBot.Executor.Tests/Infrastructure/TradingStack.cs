using System.Globalization;
using System.Text.Json.Nodes;
using BreakoutBot.Data;
using BreakoutBot.Data.Presets;
using BreakoutBot.Data.Schema;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.ServiceDefaults;
using BreakoutBot.Simulator;
using BreakoutBot.Simulator.Trading;
using BreakoutBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>
/// One test's world: its own PostgreSQL database (on the assembly's server), its own redis-server, its own simulator
/// on a loopback port, and executors started in-process against them with configuration overrides.
/// </summary>
internal sealed class TradingStack : IAsyncDisposable
{
    private readonly List<ExecutorInstance> _executors = [];
    private readonly List<WebApplication> _scanners = [];
    private WebApplication _simulator = null!;

    private TradingStack(LocalPostgresServer postgres) => Postgres = postgres;

    public LocalPostgresServer Postgres { get; }

    /// <summary>Persistent (append-only), as the application's Redis is, so a test can restart it.</summary>
    public LocalRedisServer Redis { get; } = new() { Persistent = true };

    public string DatabaseConnectionString { get; private set; } = "";

    public Uri SimulatorAddress { get; private set; } = null!;

    public SimulatedExchange Exchange => _simulator.Services.GetRequiredService<SimulatedExchange>();

    public Simulator.Faults.FaultInjector Faults => _simulator.Services.GetRequiredService<Simulator.Faults.FaultInjector>();

    public static async Task<TradingStack> StartAsync(LocalPostgresServer postgres, double speed = 300, bool faults = false, params string[] simulatorSettings)
    {
        var stack = new TradingStack(postgres);
        await stack.Redis.InitializeAsync();
        stack.DatabaseConnectionString = await postgres.CreateDatabaseAsync();
        await using (var database = stack.Database())
        {
            // What the db-migrator does before the AppHost starts any service.
            await DatabaseSchema.MigrateAndSeedAsync(database, TimeProvider.System, TestContext.Current.CancellationToken);
        }

        stack._simulator = await StartSimulatorAsync(speed, faults, seed: 11, simulatorSettings);
        stack.SimulatorAddress = AddressOf(stack._simulator);
        return stack;
    }

    /// <summary>
    /// A second simulator, standing in for another venue (Bybit's testnet, say), and the executor settings that point
    /// an executor at it instead of the stack's own. The caller disposes it.
    /// </summary>
    public static async Task<(WebApplication Venue, string[] ExecutorSettings)> StartOtherVenueAsync()
    {
        var venue = await StartSimulatorAsync(speed: 1, faults: false, seed: 29, []);
        var address = AddressOf(venue);
        return (venue, [.. VenueSettings(address).Select(setting => setting.TrimStart('-'))]);
    }

    private static async Task<WebApplication> StartSimulatorAsync(double speed, bool faults, int seed, string[] simulatorSettings)
    {
        var simulator = SimulatorApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Simulator:Speed=" + speed.ToString(CultureInfo.InvariantCulture),
            "--Simulator:HistoryBars=300",
            "--Simulator:SymbolCount=8",
            "--Simulator:Seed=" + seed.ToString(CultureInfo.InvariantCulture),
            "--Simulator:Faults:Enabled=" + (faults ? "true" : "false"),
            "--Logging:LogLevel:Default=Warning",
            .. simulatorSettings,
        ]);
        await simulator.StartAsync(TestContext.Current.CancellationToken);
        return simulator;
    }

    private static Uri AddressOf(WebApplication simulator) =>
        new(simulator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static string[] VenueSettings(Uri address) =>
    [
        "--Bybit:BaseUrl=" + address.ToString().TrimEnd('/'),
        "--Bybit:Streams:PrivateEndpoint=ws://" + address.Authority + "/v5/private",
        "--Bybit:Streams:PublicEndpoint=ws://" + address.Authority + "/v5/public/linear",
    ];

    /// <summary>Starts an executor host (the real registrations) with the given extra settings.</summary>
    public Task<ExecutorInstance> StartExecutorAsync(string consumerName, bool autoStart = false, params string[] settings) =>
        StartExecutorWithAsync(consumerName, _ => { }, autoStart, settings);

    /// <summary>Starts an executor host whose registrations <paramref name="replace"/> may override (a skewed clock, say).</summary>
    public async Task<ExecutorInstance> StartExecutorWithAsync(string consumerName, Action<IServiceCollection> replace, bool autoStart = false, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(replace);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "BreakoutBot.Executor", Args = ExecutorArguments(consumerName, autoStart, settings) });
        builder.AddServiceDefaults();
        builder.AddExecutorServices();
        replace(builder.Services);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var instance = new ExecutorInstance(app);
        _executors.Add(instance);
        return instance;
    }

    /// <summary>Starts the real scanner host against this stack's simulator, Redis and database; stopped with the stack.</summary>
    public async Task<WebApplication> StartScannerAsync(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "BreakoutBot.Scanner",
            Args =
            [
                "--urls=http://127.0.0.1:0",
                "--ConnectionStrings:breakoutdb=" + DatabaseConnectionString,
                "--ConnectionStrings:redis=" + Redis.ConnectionString,
                .. VenueSettings(SimulatorAddress),
                "--Trading:Mode=sim",
                "--Logging:LogLevel:Default=Warning",
                .. settings.Select(setting => "--" + setting),
            ],
        });
        builder.AddServiceDefaults();
        Scanner.ScannerServiceExtensions.AddScannerServices(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        _scanners.Add(app);
        return app;
    }

    /// <summary>The executor's command line against this stack (in-process or as a child process).</summary>
    public string[] ExecutorArguments(string consumerName, bool autoStart, params string[] settings)
    {
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            "--ConnectionStrings:breakoutdb=" + DatabaseConnectionString,
            "--ConnectionStrings:redis=" + Redis.ConnectionString,
            .. VenueSettings(SimulatorAddress),
            "--Bybit:ApiKey=sim-api-key",
            "--Bybit:ApiSecret=sim-api-secret",
            "--Trading:Mode=sim",
            "--Trading:AutoStart=" + (autoStart ? "true" : "false"),
            "--Executor:ConsumerName=" + consumerName,
            "--Executor:PollInterval=00:00:00.200",
            "--Executor:LeaseRetryInterval=00:00:00.500",
            "--Executor:LeaseCheckInterval=00:00:00.500",
            "--Executor:ReconcileInterval=00:00:05",
            "--Executor:EquitySnapshotInterval=00:00:05",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:BreakoutBot=Information",
        ];
        args.AddRange(settings.Select(setting => "--" + setting));
        return [.. args];
    }

    /// <summary>A context on every mode's books, or on <paramref name="mode"/>'s only (as a service of that mode reads them).</summary>
    public TradingDbContext Database(string? mode = null)
    {
        var options = new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(DatabaseConnectionString);
        return new(mode is null ? options.Options : options.UseTradingMode(mode).Options);
    }

    /// <summary>Stores a variant of the default preset as its newest version (the engine trades the newest).</summary>
    public async Task StorePresetAsync(params (string Path, object? Value)[] changes)
    {
        var name = ShippedPresets.DefaultFor(TradingMode.Sim);
        await using var database = Database();
        var store = new PresetStore(database, TimeProvider.System);
        await store.SeedShippedAsync(TestContext.Current.CancellationToken);
        var current = await store.FindAsync(name, null, TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(current!.Json)!;
        foreach (var (path, value) in changes)
        {
            var parts = path.Split('.');
            var node = parts[..^1].Aggregate(json, (parent, part) => int.TryParse(part, CultureInfo.InvariantCulture, out var index) ? parent[index]! : parent[part]!);
            node[parts[^1]] = System.Text.Json.JsonSerializer.SerializeToNode(value);
        }

        var (stored, errors) = await store.AddVersionAsync(name, json.ToJsonString(), "test", "test variant", TestContext.Current.CancellationToken);
        Assert.True(stored is not null, string.Join("; ", errors));
    }

    /// <summary>
    /// A preset variant whose trades end quickly: TP1 a few basis points away (with a wide stop, all but certain on a
    /// random walk), then the breakeven stop or the one-hour maximum hold (12 s at speed 300) ends the rest.
    /// </summary>
    public Task StoreQuickTradesPresetAsync() =>
        StorePresetAsync(
            ("position_config.tp_levels.0.reward_multiple", 0.025m),
            ("position_config.breakeven_buffer_bps", 0m),
            ("position_config.trailing_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false),
            ("position_config.exit_rules.failed_breakout_enabled", false),
            ("position_config.exit_rules.max_hold_time_hours", 1));

    /// <summary>Sends a command and waits for its acknowledgement on <c>trading-events</c>.</summary>
    public Task<CommandAcknowledged> SendCommandAsync(EngineCommandKind kind, string? positionId = null, bool flatten = false, decimal? percent = null, string? preset = null) =>
        SendCommandAsync(new EngineCommand(Guid.NewGuid().ToString("N"), kind, DateTimeOffset.UtcNow, "tester", PresetName: preset, Flatten: flatten, PositionId: positionId, Percent: percent));

    /// <summary>Sends <paramref name="command"/> as it is and waits for its acknowledgement on <c>trading-events</c>.</summary>
    public async Task<CommandAcknowledged> SendCommandAsync(EngineCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var kind = command.Kind;
        await new RedisStreamPublisher(Redis.Connection, TimeProvider.System).PublishAsync(StreamNames.Commands, command, command.CommandId);
        return await Eventually.WaitAsync(async () => (await EventsAsync<CommandAcknowledged>()).FirstOrDefault(ack => ack.CommandId == command.CommandId), $"the acknowledgement of {kind}");
    }

    public async Task PublishSignalAsync(SignalDetected signal) =>
        await new RedisStreamPublisher(Redis.Connection, TimeProvider.System).PublishAsync(StreamNames.Signals, signal, signal.SignalId);

    public async Task<IReadOnlyList<T>> EventsAsync<T>() where T : class
    {
        var entries = await new RedisStreamReader(Redis.Connection).ReadAfterAsync(StreamNames.TradingEvents, null, 100_000);
        return [.. entries.Where(entry => entry.Envelope.Type == typeof(T).Name).Select(entry => entry.Envelope.PayloadAs<T>())];
    }

    /// <summary>A long signal on <paramref name="symbol"/> at the current ask with the stop <paramref name="stopFraction"/> below it.</summary>
    public async Task<SignalDetected> LongSignalAsync(string symbol, decimal stopFraction, string? id = null, TimeSpan? expiresIn = null)
    {
        var (ask, tick, now) = await QuoteAsync(symbol);
        var stop = Math.Floor(ask * (1 - stopFraction) / tick) * tick;
        return new SignalDetected(
            id ?? $"{symbol}-test-{Guid.NewGuid():N}",
            symbol,
            PositionDirection.Long,
            BreakoutStrategy.Momentum,
            LevelPrice: ask,
            Entry: ask,
            Stop: stop,
            Confidence: 0.9,
            PresetName: ShippedPresets.DefaultFor(TradingMode.Sim),
            PresetVersion: 1,
            Interval: "5",
            CandleOpenTime: now.AddMinutes(-5),
            DetectedAt: now,
            ExpiresAt: now + (expiresIn ?? TimeSpan.FromDays(1)),
            Reasons: ["test"]);
    }

    private async Task<(decimal Ask, decimal Tick, DateTimeOffset Now)> QuoteAsync(string symbol)
    {
        using var http = new HttpClient { BaseAddress = SimulatorAddress };
        var market = new Bybit.Rest.BybitMarketClient(http, TimeProvider.System);
        var ticker = (await market.GetTickersAsync(InstrumentSymbol.Parse(symbol), TestContext.Current.CancellationToken))[0];
        var instrument = (await market.GetInstrumentsAsync(TestContext.Current.CancellationToken)).Single(candidate => candidate.Symbol.Value == symbol);
        var now = await market.GetServerTimeAsync(TestContext.Current.CancellationToken);
        return (ticker.Ask1Price ?? ticker.LastPrice, instrument.TickSize, now);
    }

    /// <summary>
    /// Waits until the trades' realised PnL adds up to the wallet's change since <paramref name="walletBefore"/> to the
    /// cent, then asserts it. Funding the venue settled while a position was open reaches the books at the executor's
    /// next reconciliation, so the two agree within that interval, not at the instant a trade is written.
    /// </summary>
    public async Task AssertBooksEqualWalletAsync(decimal walletBefore)
    {
        async Task<(decimal Wallet, decimal Books)> ReadAsync()
        {
            await using var database = Database();
            // Added up here: PostgreSQL's exact numeric sum of 28-digit values can exceed what a decimal holds.
            var books = (await database.Trades.AsNoTracking().Select(trade => trade.RealizedPnl).ToListAsync()).Sum();
            return (decimal.Round(WalletBalance - walletBefore, 2), decimal.Round(books, 2));
        }

        try
        {
            await Eventually.UntilAsync(async () => (await ReadAsync()) is var (wallet, books) && wallet == books, "the books equal to the wallet's change", TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // Reported below with both figures.
        }

        var (walletChange, booked) = await ReadAsync();
        Assert.Equal(walletChange, booked);
    }

    /// <summary>The simulated account's wallet balance (USDT), straight from the venue's ledger.</summary>
    public decimal WalletBalance => Exchange.ReadAccount(ledger => ledger.WalletBalance);

    /// <summary>
    /// Waits until the books and the venue hold the same open quantity for every symbol either of them has a position
    /// in (the market may close a position meanwhile; what matters is that both sides say so), then asserts it.
    /// </summary>
    public async Task AssertBooksMatchVenueAsync()
    {
        async Task<(string Books, string Venue)> ReadAsync()
        {
            await using var database = Database();
            var books = await database.Positions.AsNoTracking().Where(row => row.OpenQuantity != 0)
                .Select(row => new { row.Symbol, row.OpenQuantity }).ToListAsync();
            var venue = Exchange.ReadAccount(ledger => ledger.Positions.Where(position => position.Quantity != 0)
                .Select(position => $"{position.Symbol.Value}={position.Quantity.ToString("G29", CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList());
            var booked = books.GroupBy(row => row.Symbol).Select(group => $"{group.Key}={group.Sum(row => row.OpenQuantity).ToString("G29", CultureInfo.InvariantCulture)}")
                .Order(StringComparer.Ordinal);
            return (string.Join(", ", booked), string.Join(", ", venue));
        }

        try
        {
            await Eventually.UntilAsync(async () => (await ReadAsync()) is var (books, venue) && books == venue, "the books to match the venue's positions", TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // Reported below with both sides.
        }

        var (booksNow, venueNow) = await ReadAsync();
        Assert.Equal(venueNow, booksNow);
    }

    public int VenueOpenPositions => Exchange.ReadAccount(ledger => ledger.Positions.Count(position => position.Quantity != 0));

    public async ValueTask DisposeAsync()
    {
        foreach (var executor in _executors)
        {
            await executor.DisposeAsync();
        }

        foreach (var scanner in _scanners)
        {
            await scanner.StopAsync(CancellationToken.None);
            await scanner.DisposeAsync();
        }

        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
