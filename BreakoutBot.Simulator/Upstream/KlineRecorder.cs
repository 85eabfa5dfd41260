using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>
/// Paper mode's recorder: every confirmed bar the upstream streams for the configured symbols is appended to
/// <c>SYMBOL.csv</c> in the backtest's layout (<c>timestamp,open,high,low,close,volume,turnover</c>), and the symbols'
/// contracts to <c>instruments.json</c>, so the session can be replayed with <c>breakoutbot backtest</c>. A bar missed
/// while the stream was away is fetched over REST before the next one is written (no gaps), a bar seen twice is
/// written once, and a restart continues the files where they end.
/// </summary>
public sealed class KlineRecorder(UpstreamSubscriptions upstream, UpstreamMarketData market, IOptions<SimulatorOptions> options, ILogger<KlineRecorder> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };
    private readonly Channel<(InstrumentSymbol Symbol, Candle Bar)> _confirmed = Channel.CreateUnbounded<(InstrumentSymbol Symbol, Candle Bar)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<InstrumentSymbol, DateTimeOffset> _lastWritten = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recording = options.Value.Recording;
        if (recording.Directory is not { } directory)
        {
            return;
        }

        var interval = CandleInterval.ParseWireName(recording.Interval);
        Directory.CreateDirectory(directory);
        var symbols = recording.Symbols.Select(InstrumentSymbol.Parse).ToList();
        foreach (var symbol in symbols)
        {
            if (LastRecorded(PathOf(directory, symbol)) is { } last)
            {
                _lastWritten[symbol] = last;
            }
        }

        await WriteInstrumentsAsync(directory, symbols, stoppingToken);
        foreach (var symbol in symbols)
        {
            await upstream.ListenAsync($"kline.{interval.WireName}.{symbol}", Receive, stoppingToken);
        }

        Log.RecordingStarted(logger, symbols.Count, interval.WireName, directory);
        await foreach (var bar in _confirmed.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RecordAsync(directory, bar.Symbol, bar.Bar, stoppingToken);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or BybitApiException or UnauthorizedAccessException)
            {
                Log.RecordFailed(logger, bar.Symbol.Value, bar.Bar.OpenTime, exception);
            }
        }
    }

    private void Receive(MarketStreamEvent message)
    {
        if (message is KlineReceived { Candle.IsClosed: true } kline)
        {
            _confirmed.Writer.TryWrite((kline.Symbol, kline.Candle));
        }
    }

    private async Task RecordAsync(string directory, InstrumentSymbol symbol, Candle bar, CancellationToken cancellationToken)
    {
        var step = bar.Interval.FixedDuration!.Value;
        var path = PathOf(directory, symbol);
        var rows = new StringBuilder();
        if (!File.Exists(path))
        {
            rows.Append(KlineCsvLayout.Header).Append('\n');
        }

        if (_lastWritten.TryGetValue(symbol, out var last))
        {
            if (bar.OpenTime <= last)
            {
                return;
            }

            if (bar.OpenTime > last + step)
            {
                // The stream was away: the bars in between come over REST, so the file has no gap.
                var missed = await market.Client.GetKlinesBetweenAsync(symbol, bar.Interval, last + step, bar.OpenTime - step, 1000, cancellationToken);
                foreach (var backfilled in missed.Where(candle => candle.IsClosed && candle.OpenTime > last && candle.OpenTime < bar.OpenTime))
                {
                    rows.Append(Row(backfilled));
                }
            }
        }

        rows.Append(Row(bar));
        await File.AppendAllTextAsync(path, rows.ToString(), cancellationToken);
        _lastWritten[symbol] = bar.OpenTime;
    }

    private async Task WriteInstrumentsAsync(string directory, IReadOnlyList<InstrumentSymbol> symbols, CancellationToken cancellationToken)
    {
        var instruments = await market.InstrumentsAsync(cancellationToken);
        var recorded = instruments.Where(instrument => symbols.Contains(instrument.Symbol)).Select(InstrumentWire.Of).ToList();
        var list = new { category = "linear", list = recorded, nextPageCursor = "" };
        await File.WriteAllTextAsync(Path.Combine(directory, "instruments.json"), JsonSerializer.Serialize(list, IndentedJson) + "\n", cancellationToken);
    }

    private static DateTimeOffset? LastRecorded(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var last = File.ReadLines(path).LastOrDefault(line => line.Length > 0 && char.IsAsciiDigit(line[0]));
        return last is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(last.Split(',')[0], CultureInfo.InvariantCulture));
    }

    private static string PathOf(string directory, InstrumentSymbol symbol) => Path.Combine(directory, symbol.Value + ".csv");

    private static string Row(Candle bar) => KlineCsvLayout.Row(bar) + "\n";
}
