using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;

namespace BreakoutBot.Simulator.Tests;

/// <summary>Signed requests from our client against the simulator's verifier, over a real socket.</summary>
public sealed class SignedEndpointsTests(RunningSimulator simulator) : IDisposable
{
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");
    private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress };

    [Fact]
    public async Task WalletBalance_CorrectlySigned_ReturnsStartingBalance()
    {
        var client = new BybitPrivateClient(_http, SimAccount, TimeProvider.System);

        var balance = await client.GetWalletBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10_000m, balance.Wallet);
        Assert.Equal(10_000m, balance.Equity);
        Assert.Equal(0m, balance.UnrealisedPnl);
    }

    [Fact]
    public async Task AccountModes_OneWayAndRegularMargin_AcceptedAsUnchanged_OthersRefusedWithTheReason()
    {
        var client = new BybitPrivateClient(_http, SimAccount, TimeProvider.System);

        var switched = await client.UseOneWayModeAsync(TestContext.Current.CancellationToken);
        await client.SetMarginModeAsync("REGULAR_MARGIN", TestContext.Current.CancellationToken);
        var isolated = await Assert.ThrowsAsync<BybitApiException>(() => client.SetMarginModeAsync("ISOLATED_MARGIN", TestContext.Current.CancellationToken));
        var nonsense = await Assert.ThrowsAsync<BybitApiException>(() => client.SetMarginModeAsync("HALF_MARGIN", TestContext.Current.CancellationToken));

        Assert.False(switched);
        Assert.Equal(10001, isolated.RetCode);
        Assert.Contains("ISOLATED_MARGIN is not offered", isolated.Message, StringComparison.Ordinal);
        Assert.Contains("setMarginMode must be", nonsense.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalletBalance_WrongSecret_IsRetCode10004()
    {
        var client = new BybitPrivateClient(_http, new BybitCredentials("sim-api-key", "not-the-secret"), TimeProvider.System);

        var exception = await Assert.ThrowsAsync<BybitApiException>(() => client.GetWalletBalanceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(10004, exception.RetCode);
        Assert.DoesNotContain("not-the-secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalletBalance_UnknownKey_IsRetCode10003()
    {
        var client = new BybitPrivateClient(_http, new BybitCredentials("someone-else", "sim-api-secret"), TimeProvider.System);

        var exception = await Assert.ThrowsAsync<BybitApiException>(() => client.GetWalletBalanceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(10003, exception.RetCode);
    }

    [Fact]
    public async Task WalletBalance_ClientClockBehind_Is10002UntilClockIsSynchronized()
    {
        var skewed = new ShiftedClock(TimeSpan.FromSeconds(-30));
        var client = new BybitPrivateClient(_http, SimAccount, skewed);

        var exception = await Assert.ThrowsAsync<BybitApiException>(() => client.GetWalletBalanceAsync(TestContext.Current.CancellationToken));
        var offset = await client.SynchronizeClockAsync(new BybitMarketClient(_http, skewed), TestContext.Current.CancellationToken);
        var balance = await client.GetWalletBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10002, exception.RetCode);
        Assert.InRange(offset.TotalSeconds, 29, 31);
        Assert.Equal(10_000m, balance.Wallet);
    }

    public void Dispose() => _http.Dispose();
}
