using BreakoutBot.Bybit.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Bybit.Tests;

public sealed class BybitServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBybitClient_ValidSection_ResolvesBothClients()
    {
        using var provider = Provider(("Bybit:BaseUrl", "http://exchange-sim"), ("Bybit:ApiKey", "key-1234"), ("Bybit:ApiSecret", "very-secret"));

        Assert.NotNull(provider.GetRequiredService<BybitMarketClient>());
        Assert.Equal(5_000, provider.GetRequiredService<BybitPrivateClient>().RecvWindowMs);
    }

    [Fact]
    public void AddBybitClient_NoBaseUrl_ValidationNamesTheKey()
    {
        using var provider = Provider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BybitOptions>>().Value);

        Assert.Contains("BaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https+http://exchange-sim", true)]
    [InlineData("https://api-testnet.bybit.com", true)]
    [InlineData("exchange-sim", false)]
    [InlineData("ws://exchange-sim", false)]
    public void AddBybitClient_BaseUrl_AbsoluteHttpOrServiceDiscoveryScheme(string baseUrl, bool valid)
    {
        using var provider = Provider(("Bybit:BaseUrl", baseUrl));

        var exception = Record.Exception(() => provider.GetRequiredService<IOptions<BybitOptions>>().Value);

        Assert.Equal(valid, exception is null);
        Assert.True(valid || exception!.Message.Contains("Bybit:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void AddBybitClient_KeyWithoutSecret_IsRefused()
    {
        using var provider = Provider(("Bybit:BaseUrl", "https://api.bybit.com"), ("Bybit:ApiKey", "key-1234"));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BybitOptions>>().Value);
    }

    [Fact]
    public void Options_ToString_NeverShowsTheSecret()
    {
        var options = new BybitOptions { BaseUrl = "https://api.bybit.com", ApiKey = "key-1234", ApiSecret = "very-secret" };

        Assert.DoesNotContain("very-secret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key-1234", options.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBybitClient(configuration);
        return services.BuildServiceProvider();
    }
}
