using System.Net.Http.Headers;
using BreakoutBot.Data;
using BreakoutBot.Data.Schema;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BreakoutBot.Api.Tests;

/// <summary>
/// PostgreSQL (migrated), Redis, a stand-in venue and the real Api on a loopback port, plus <see cref="FakeExecutor"/>
/// answering commands the way the Executor's contract says.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string OperatorKey = "operator-key-0123456789abcdef";

    /// <summary>The console's key: the admin role, as the AppHost gives it.</summary>
    public const string WebKey = "web-console-key-0123456789abcdef";

    /// <summary>An admin key that acts for signed-in people (<c>Api:DelegatingKeys</c>), as the console's does under the AppHost.</summary>
    public const string ConsoleKey = "console-key-acting-for-people-0123";

    /// <summary>A read-only key (the default role of a key given no role).</summary>
    public const string ViewerKey = "viewer-key-0123456789abcdef-00";

    /// <summary>Commands issued with this key get no answer (the 504 path).</summary>
    public const string MuteKey = "mute-key-0123456789abcdef-000";

    /// <summary>A key of its own for the rate-limit test.</summary>
    public const string BurstKey = "burst-key-0123456789abcdef-00";

    /// <summary>High enough that the suite never meets it; the rate-limit test starts an instance of its own.</summary>
    public const int RateLimitPermits = 1_000;

    private readonly LocalPostgresServer _postgres = new();
    private readonly LocalRedisServer _redis = new();
    private WebApplicationFactory<ApiOptions>? _factory;

    public FakeVenue Venue { get; } = new();

    public FakeExecutor Executor { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public IConnectionMultiplexer Redis => _redis.Connection;

    public RedisStreamPublisher Publisher { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        await _redis.InitializeAsync();
        await Venue.StartAsync();
        DatabaseConnectionString = await _postgres.CreateDatabaseAsync("breakoutdb");
        await using (var database = CreateDatabase())
        {
            // What the db-migrator does before the AppHost starts the Api.
            await DatabaseSchema.MigrateAndSeedAsync(database, TimeProvider.System, CancellationToken.None);
        }

        Publisher = new RedisStreamPublisher(Redis, TimeProvider.System);
        Executor = new FakeExecutor(Redis, Publisher);
        Executor.Start();

        (_factory, BaseAddress) = await StartApiAsync();
    }

    /// <summary>
    /// Starts an Api on a loopback port against this fixture's PostgreSQL, Redis and venue; <paramref name="settings"/>
    /// can override settings (a second instance, other options); <paramref name="waitForEvents"/> false when Redis is meant to be unreachable. The caller disposes it.
    /// </summary>
    public async Task<(WebApplicationFactory<ApiOptions> Factory, Uri BaseAddress)> StartApiAsync(IDictionary<string, string>? settings = null, bool waitForEvents = true)
    {
        var factory = new WebApplicationFactory<ApiOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:breakoutdb", DatabaseConnectionString);
            builder.UseSetting("ConnectionStrings:redis", _redis.ConnectionString);
            builder.UseSetting("Trading:Mode", "sim");
            builder.UseSetting("Api:Keys:operator", OperatorKey);
            builder.UseSetting("Api:KeyRoles:operator", "operator");
            builder.UseSetting("Api:Keys:web", WebKey);
            builder.UseSetting("Api:KeyRoles:web", "admin");
            builder.UseSetting("Api:Keys:console", ConsoleKey);
            builder.UseSetting("Api:KeyRoles:console", "admin");
            builder.UseSetting("Api:DelegatingKeys:0", "console");
            builder.UseSetting("Api:Keys:viewer", ViewerKey);
            builder.UseSetting("Api:Keys:mute", MuteKey);
            builder.UseSetting("Api:KeyRoles:mute", "operator");
            builder.UseSetting("Api:Keys:burst", BurstKey);
            builder.UseSetting("Api:KeyRoles:burst", "operator");
            builder.UseSetting("Api:CommandTimeout", "00:00:02");
            builder.UseSetting("Api:RateLimitPermits", RateLimitPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:RateLimitWindow", "00:01:00");
            builder.UseSetting("Api:ScanPushInterval", "00:00:00.300");
            builder.UseSetting("Api:CorsOrigins:0", "https://console.example");
            builder.UseSetting("Api:MarketDataUrl", Venue.BaseAddress.ToString());
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        try
        {
            factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
            if (waitForEvents)
            {
                await factory.Services.GetRequiredService<Events.TradingEventsWorker>().Ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            return (factory, address);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with <paramref name="key"/> (by default the viewer's: every read needs a key).</summary>
    public HttpClient Client(string? key = ViewerKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A client without any key.</summary>
    public HttpClient AnonymousClient() => Client(key: null);

    /// <summary>A context on the sim books (what the fixture's Api serves), or on every mode's when <paramref name="mode"/> is null.</summary>
    public TradingDbContext CreateDatabase(string? mode = "sim")
    {
        var options = new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(DatabaseConnectionString);
        return new(mode is null ? options.Options : options.UseTradingMode(mode).Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Executor.DisposeAsync();
        await Venue.DisposeAsync();
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
