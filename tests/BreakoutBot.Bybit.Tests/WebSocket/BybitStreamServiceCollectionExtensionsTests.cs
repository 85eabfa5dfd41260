using BreakoutBot.Bybit.WebSocket;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Bybit.Tests.WebSocket;

public class BybitStreamServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBybitStreams(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task AddBybitStreams_SimulatorEndpoints_ResolvesTheMarketDataFeedWithThem()
    {
        // The clients are IAsyncDisposable only, as the host disposes them.
        await using var provider = Build(new() { ["Bybit:Streams:PublicEndpoint"] = "ws://127.0.0.1:5000/v5/public/linear", ["Bybit:Streams:MaxTopicsPerConnection"] = "10" });

        var options = provider.GetRequiredService<IOptions<BybitStreamOptions>>().Value;

        Assert.IsType<BybitPublicStreamClient>(provider.GetRequiredService<IMarketDataFeed>());
        Assert.Equal((new Uri("ws://127.0.0.1:5000/v5/public/linear"), 10), (options.PublicEndpoint, options.MaxTopicsPerConnection));
    }

    [Fact]
    public async Task AddBybitStreams_ZeroTopicsPerConnection_FailsValidationNamingTheKey()
    {
        await using var provider = Build(new() { ["Bybit:Streams:MaxTopicsPerConnection"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BybitStreamOptions>>().Value);

        Assert.Contains("MaxTopicsPerConnection", failure.Message, StringComparison.Ordinal);
    }
}
