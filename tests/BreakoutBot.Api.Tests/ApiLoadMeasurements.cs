using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BreakoutBot.Api.Events;
using BreakoutBot.Contracts.Events;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.AspNetCore.SignalR.Client;

namespace BreakoutBot.Api.Tests;

/// <summary>
/// Loopback load figures for docs/BENCHMARKS.md: GET /api/trading/positions throughput and latency, and hub fan-out
/// to 200 clients. Explicit (not part of a normal run) because they take a while and their numbers depend on the
/// machine: <c>dotnet test tests/BreakoutBot.Api.Tests -c Release --filter FullyQualifiedName~ApiLoadMeasurements -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class ApiLoadMeasurements(ApiFixture api)
{
    private const int OpenPositions = 20;
    private const int Concurrency = 16;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    [Fact(Explicit = true)]
    public async Task Positions_UnderConcurrentLoad_ThroughputAndLatency()
    {
        await using (var database = api.CreateDatabase())
        {
            for (var index = 0; index < OpenPositions; index++)
            {
                var position = TestData.Position(TestData.NewSymbol());
                api.Venue.MarkPrices[position.Symbol] = 101m + index;
                database.Positions.Add(position);
            }

            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.ViewerKey);
        await RunAsync(client, Warmup, new ConcurrentBag<double>());
        var latencies = new ConcurrentBag<double>();
        var elapsed = await RunAsync(client, Duration, latencies);

        var sorted = latencies.Order().ToArray();
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"GET /api/trading/positions ({OpenPositions} open, {Concurrency} concurrent, {elapsed.TotalSeconds:0.0} s): {sorted.Length} requests, {sorted.Length / elapsed.TotalSeconds:0} req/s, p50 {Percentile(sorted, 0.50):0.00} ms, p99 {Percentile(sorted, 0.99):0.00} ms"));
        Assert.True(sorted.Length > 0);
    }

    [Fact(Explicit = true)]
    public async Task Hub_FanOutTo200Clients_DeliveryLatency()
    {
        const int clients = 200;
        const int events = 50;
        var published = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var delivered = 0;
        var connections = new List<HubConnection>();
        try
        {
            for (var index = 0; index < clients; index++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(api.BaseAddress, HubEventNames.HubPath), options => options.Headers["X-Api-Key"] = ApiFixture.WebKey)
                    .Build();
                connection.On<HubEvent>(nameof(OrderUpdated), item =>
                {
                    var received = Stopwatch.GetTimestamp();
                    if (published.TryGetValue(item.MessageId, out var sent))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
                    }

                    Interlocked.Increment(ref delivered);
                });
                await connection.StartAsync(TestData.Cancel);
                connections.Add(connection);
            }

            var total = Stopwatch.StartNew();
            for (var index = 0; index < events; index++)
            {
                var order = new OrderUpdated(
                    TestData.NewId("evt"), TestData.NewId("ord"), null, null, null, "BTCUSDT", OrderSide.Buy, "Entry", "Market", null, null, 1m, 1m, 100m, "Filled", null, DateTimeOffset.UtcNow);
                published[order.EventId] = Stopwatch.GetTimestamp();
                await api.Publisher.PublishAsync(StreamNames.TradingEvents, order, "load");
                await Task.Delay(20, TestData.Cancel);
            }

            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref delivered) < clients * events && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(10, TestData.Cancel);
            }

            total.Stop();
            var sorted = latencies.Order().ToArray();
            Report(string.Create(
                CultureInfo.InvariantCulture,
                $"hub fan-out: {clients} clients x {events} events, delivered {delivered}/{clients * events} in {total.Elapsed.TotalSeconds:0.00} s, publish-to-client p50 {Percentile(sorted, 0.50):0.00} ms, p99 {Percentile(sorted, 0.99):0.00} ms, max {sorted[^1]:0.00} ms"));
            Assert.Equal(clients * events, delivered);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<TimeSpan> RunAsync(HttpClient client, TimeSpan duration, ConcurrentBag<double> latencies)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/api/trading/positions", HttpCompletionOption.ResponseContentRead, TestData.Cancel);
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }

    /// <summary>To the test output and to <c>api-load.txt</c> in the temp directory.</summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "api-load.txt"), line + Environment.NewLine);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
