using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Api.Tests;

/// <summary>
/// A stand-in for the venue's public Bybit V5 REST endpoints the Api uses (kline, tickers), on a loopback port, so
/// the Api's real <c>BybitMarketClient</c> parses real protocol text. Candles are a fixed 15-minute series ending at
/// <see cref="LastOpenTime"/>; <c>NOPEUSDT</c> is refused with retCode 10001 like an unknown symbol on Bybit.
/// </summary>
public sealed class FakeVenue : IAsyncDisposable
{
    public const string UnknownSymbol = "NOPEUSDT";

    public static readonly DateTimeOffset LastOpenTime = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Mark prices the tickers endpoint reports.</summary>
    public Dictionary<string, decimal> MarkPrices { get; } = new(StringComparer.Ordinal);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/v5/market/kline", (string symbol, string interval, int limit) => Results.Text(Klines(symbol, interval, limit), "application/json"));
        _app.MapGet("/v5/market/tickers", () => Results.Text(Tickers(), "application/json"));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string Klines(string symbol, string interval, int limit)
    {
        if (symbol == UnknownSymbol)
        {
            return """{"retCode":10001,"retMsg":"params error: symbol invalid","result":{},"time":1764158400000}""";
        }

        // Bybit lists the newest bar first.
        var rows = Enumerable.Range(0, limit).Select(index =>
        {
            var open = LastOpenTime.AddMinutes(-15 * index);
            var price = 100m + index;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"""["{open.ToUnixTimeMilliseconds()}","{price}","{price + 2.5m}","{price - 1.25m}","{price + 0.5m}","1234.5","123456.78"]""");
        });
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"retCode":0,"retMsg":"OK","result":{"category":"linear","symbol":"{{symbol}}","list":[{{string.Join(',', rows)}}]},"time":{{LastOpenTime.AddMinutes(20).ToUnixTimeMilliseconds()}}}""");
    }

    private string Tickers()
    {
        var items = MarkPrices.Select(pair => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"symbol":"{{pair.Key}}","lastPrice":"{{pair.Value}}","markPrice":"{{pair.Value}}","indexPrice":"{{pair.Value}}","highPrice24h":"{{pair.Value}}","lowPrice24h":"{{pair.Value}}","volume24h":"1","turnover24h":"1","price24hPcnt":"0","openInterest":"1","openInterestValue":"1"}"""));
        return $$"""{"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[{{string.Join(',', items)}}]},"time":1764158400000}""";
    }
}
