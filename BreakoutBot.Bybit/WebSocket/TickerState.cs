using System.Globalization;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// One <c>tickers.{symbol}</c> topic's merged fields: a snapshot replaces them, a delta overwrites only the keys it
/// carries. A message is merged into a copy and kept only if the result still makes a valid ticker, so a bad delta
/// cannot spoil the state.
/// </summary>
public sealed class TickerState
{
    private Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public bool HasSnapshot { get; private set; }

    /// <returns>The merged ticker, or null when a delta arrives before any snapshot.</returns>
    /// <exception cref="FormatException">A field is missing or not a number.</exception>
    public Ticker? Apply(JsonElement message)
    {
        var isSnapshot = message.GetProperty("type").GetString() switch
        {
            "snapshot" => true,
            "delta" => false,
            var other => throw new FormatException($"Unknown ticker message type '{other}'."),
        };
        if (!isSnapshot && !HasSnapshot)
        {
            return null;
        }

        var merged = isSnapshot ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(_fields, StringComparer.Ordinal);
        foreach (var property in message.GetProperty("data").EnumerateObject())
        {
            merged[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => "",
            };
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(message.GetProperty("ts").GetInt64());
        var ticker = ToTicker(merged, time);
        _fields = merged;
        HasSnapshot = true;
        return ticker;
    }

    public void Reset()
    {
        _fields = new Dictionary<string, string>(StringComparer.Ordinal);
        HasSnapshot = false;
    }

    private static Ticker ToTicker(Dictionary<string, string> fields, DateTimeOffset time)
    {
        var nextFunding = Optional(fields, "nextFundingTime");
        return new Ticker
        {
            Symbol = InstrumentSymbol.Parse(Text(fields, "symbol")),
            Time = time,
            LastPrice = Required(fields, "lastPrice"),
            MarkPrice = Required(fields, "markPrice"),
            IndexPrice = Required(fields, "indexPrice"),
            Bid1Price = Optional(fields, "bid1Price"),
            Bid1Size = Optional(fields, "bid1Size") ?? 0m,
            Ask1Price = Optional(fields, "ask1Price"),
            Ask1Size = Optional(fields, "ask1Size") ?? 0m,
            HighPrice24h = Required(fields, "highPrice24h"),
            LowPrice24h = Required(fields, "lowPrice24h"),
            Volume24h = Required(fields, "volume24h"),
            Turnover24h = Required(fields, "turnover24h"),
            PriceChange24hFraction = Required(fields, "price24hPcnt"),
            OpenInterest = Required(fields, "openInterest"),
            OpenInterestValue = Required(fields, "openInterestValue"),
            FundingRate = Optional(fields, "fundingRate"),
            NextFundingTime = nextFunding is null or 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)nextFunding.Value),
        };
    }

    private static string Text(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && text.Length > 0 ? text : throw new FormatException($"'{name}' is missing or empty.");

    private static decimal Required(Dictionary<string, string> fields, string name) =>
        Optional(fields, name) ?? throw new FormatException($"'{name}' is missing or empty.");

    private static decimal? Optional(Dictionary<string, string> fields, string name)
    {
        if (!fields.TryGetValue(name, out var text) || text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{name}' is \"{text}\", not a number.");
    }
}
