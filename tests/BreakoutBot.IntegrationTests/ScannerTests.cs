using System.Globalization;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BreakoutBot.IntegrationTests;

/// <summary>
/// The Scanner in the running application (sim mode): signals on the <c>signals</c> stream, the snapshot under
/// <c>scan:latest</c>, exactly-once publication across a restart.
/// </summary>
public sealed class ScannerTests(DistributedAppFixture fixture)
{
    private static readonly TimeSpan SignalWait = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Signals_FromTheSimulatedMarket_AppearOnceWithSideAndLevelMatchingTheClosedCandle()
    {
        await fixture.EnsureEngineRunningAsync();
        var signals = await WaitForSignalsAsync(1);

        Assert.Equal(signals.Count, signals.Select(signal => signal.SignalId).Distinct().Count());
        using var exchange = fixture.App.CreateHttpClient("exchange-sim");
        foreach (var signal in signals)
        {
            // The stop is beyond the level and the entry. The entry is the book's executable price when the signal is made
            // (the ask for a long, the bid for a short), which may have come back across the level since the close.
            if (signal.Side == PositionDirection.Long)
            {
                Assert.True(signal.Stop < signal.LevelPrice && signal.Stop < signal.Entry, $"long {signal.SignalId}: stop {signal.Stop}, level {signal.LevelPrice}, entry {signal.Entry}");
            }
            else
            {
                Assert.True(signal.Stop > signal.LevelPrice && signal.Stop > signal.Entry, $"short {signal.SignalId}: stop {signal.Stop}, level {signal.LevelPrice}, entry {signal.Entry}");
            }

            if (signal.Strategy == BreakoutStrategy.Momentum)
            {
                // A momentum signal is a close beyond the level on the candle it names.
                var close = await CloseOfAsync(exchange, signal.Symbol, signal.CandleOpenTime);
                Assert.True(signal.Side == PositionDirection.Long ? close > signal.LevelPrice : close < signal.LevelPrice, $"{signal.SignalId}: close {close} vs level {signal.LevelPrice}");
            }

            Assert.Equal("sim_breakout", signal.PresetName);
            Assert.True(signal.ExpiresAt > signal.DetectedAt);

            Assert.True(signal.BtcCorrelation is null or (>= -1 and <= 1), $"{signal.SignalId}: BTC correlation {signal.BtcCorrelation}");
        }

        // The symbol's correlation with BTC travels with the signal, for the executor's correlation_limit.
        Assert.Contains(signals, signal => signal.BtcCorrelation is not null);
    }

    [Fact]
    public async Task ScanLatest_EverySymbol_IsExplainedByItsFilters()
    {
        var snapshot = await WaitForAsync(async () => await ReadSnapshotAsync(), TimeSpan.FromMinutes(3));

        Assert.Equal(snapshot.SymbolsTracked, snapshot.Symbols.Count);
        Assert.True(snapshot.SymbolsTracked >= 30, $"{snapshot.SymbolsTracked} symbols tracked");
        foreach (var row in snapshot.Symbols)
        {
            Assert.NotEmpty(row.Filters);
            Assert.Equal(row.Filters.All(filter => filter.Passed), row.Passed);
            if (!row.Passed)
            {
                Assert.Null(row.Rank);
                Assert.All(row.Filters.Where(filter => !filter.Passed), filter => Assert.False(string.IsNullOrWhiteSpace(filter.Reason)));
            }
        }
    }

    [Fact]
    public async Task ScannerRestart_DuringARun_RepeatsNoSignal()
    {
        var database = await RedisAsync();
        await WaitForAsync(async () => await ReadStatusAsync() is { LastEvaluatedAt: not null } status ? status : null, TimeSpan.FromMinutes(3));
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();

        var restart = await commands.ExecuteCommandAsync("scanner", "resource-restart", TestContext.Current.CancellationToken);
        Assert.True(restart.Success, restart.Message);
        var restartedAt = DateTimeOffset.UtcNow;

        // Three more evaluated bars after the restart: its state was rebuilt from REST and it is scanning again.
        await WaitForAsync(
            async () => await ReadStatusAsync() is { LastEvaluatedAt: { } evaluated } status && evaluated > restartedAt.AddSeconds(30) ? status : null,
            TimeSpan.FromMinutes(4));
        var signals = await ReadSignalsAsync(database);
        Assert.Equal(signals.Count, signals.Select(signal => signal.SignalId).Distinct().Count());
        foreach (var signal in signals)
        {
            Assert.True(await database.KeyExistsAsync("scanner:signal:" + signal.SignalId), $"no publish-once marker for {signal.SignalId}");
        }
    }

    private async Task<List<SignalDetected>> WaitForSignalsAsync(int count)
    {
        var database = await RedisAsync();
        return await WaitForAsync(
            async () =>
            {
                await fixture.EnsureEngineRunningAsync();
                return await ReadSignalsAsync(database) is { } signals && signals.Count >= count ? signals : null;
            },
            SignalWait);
    }

    private static async Task<List<SignalDetected>> ReadSignalsAsync(IDatabase database)
    {
        // Only the scanner's entries: another test writes malformed ones to prove the consumers survive them.
        var entries = await database.StreamRangeAsync(StreamNames.Signals, "-", "+");
        var signals = new List<SignalDetected>();
        foreach (var entry in entries)
        {
            try
            {
                if (JsonSerializer.Deserialize<MessageEnvelope>(entry["envelope"].ToString(), MessageJson.Options) is { Type: nameof(SignalDetected) } envelope
                    && envelope.PayloadAs<SignalDetected>() is { Symbol: not null } signal)
                {
                    signals.Add(signal);
                }
            }
            catch (JsonException)
            {
            }
        }

        return signals;
    }

    private async Task<ScanSnapshot?> ReadSnapshotAsync()
    {
        var value = await (await RedisAsync()).StringGetAsync(RedisKeys.ScanLatest);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ScanSnapshot>(value.ToString(), MessageJson.Options);
    }

    private async Task<ScannerStatus?> ReadStatusAsync()
    {
        var value = await (await RedisAsync()).StringGetAsync(RedisKeys.ScannerStatus);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ScannerStatus>(value.ToString(), MessageJson.Options);
    }

    private async Task<IDatabase> RedisAsync() => (await fixture.RedisAsync()).GetDatabase();

    private static async Task<decimal> CloseOfAsync(HttpClient exchange, string symbol, DateTimeOffset openTime)
    {
        var start = openTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var klines = await exchange.GetJsonAsync($"/v5/market/kline?category=linear&symbol={symbol}&interval=5&start={start}&end={start}&limit=1");
        var bar = klines.RootElement.GetProperty("result").GetProperty("list")[0];
        Assert.Equal(start, bar[0].GetString());
        return decimal.Parse(bar[4].GetString()!, CultureInfo.InvariantCulture);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"condition not met within {timeout}");
            }
        }
    }
}
