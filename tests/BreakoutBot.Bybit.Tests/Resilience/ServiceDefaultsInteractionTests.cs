using System.Net;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.Tests.Resilience;

/// <summary>
/// The Bybit clients inside a service that has the service defaults' resilience handler on every HttpClient, and
/// what they log.
/// </summary>
public sealed class ServiceDefaultsInteractionTests
{
    private const string ApiKey = "live-looking-key-7f3a";
    private const string ApiSecret = "live-looking-secret-91c2";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlaceOrder_DefaultResilienceHandlerConfigured_OrderCreateIsStillSentOnlyOnce()
    {
        var venue = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));
        await using var provider = Provider(venue, new CapturingLoggerProvider());

        await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetRequiredService<BybitPrivateClient>().PlaceOrderAsync(
            new OrderPlacement(InstrumentSymbol.Parse("BTCUSDT"), OrderSide.Buy, IsMarket: true, 0.010m, "sd-once-1"), Cancellation));

        Assert.Single(venue.Seen);
    }

    [Fact]
    public async Task Retries_AreLoggedWithoutKeySecretOrSignature()
    {
        var venue = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.BadGateway), ScriptedHandler.RetCode(10006), ScriptedHandler.Ok("""{"list":[]}"""));
        var logs = new CapturingLoggerProvider();
        await using var provider = Provider(venue, logs);

        await provider.GetRequiredService<BybitPrivateClient>().GetFeeRatesAsync(cancellationToken: Cancellation);

        Assert.Equal(3, venue.Seen.Count);
        Assert.Contains(logs.Messages, message => message.Contains("/v5/account/fee-rate", StringComparison.Ordinal) && message.Contains("10006", StringComparison.Ordinal));
        Assert.All(logs.Messages, message =>
        {
            Assert.DoesNotContain(ApiKey, message, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiSecret, message, StringComparison.Ordinal);
            // HttpClientFactory's trace logging lists header names with redacted values; a signature value must never show.
            Assert.DoesNotMatch("X-BAPI-SIGN: [0-9a-f]", message);
        });
    }

    private static ServiceProvider Provider(ScriptedHandler venue, CapturingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bybit:BaseUrl"] = "http://venue",
            ["Bybit:ApiKey"] = ApiKey,
            ["Bybit:ApiSecret"] = ApiSecret,
            ["Bybit:RetryBaseDelay"] = "00:00:00.001",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

        // What BreakoutBot.ServiceDefaults does for every HttpClient of a service.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddBybitClient(configuration);
        services.AddHttpClient(nameof(BybitPrivateClient)).ConfigurePrimaryHttpMessageHandler(() => venue);
        return services.BuildServiceProvider();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add(formatter(state, exception) + " " + state);
                }
            }
        }
    }
}
