using System.Globalization;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Which symbols are scanned and how candidates are ranked (<c>scanner_config</c>).</summary>
public sealed record ScannerConfig
{
    /// <summary><c>max_candidates</c>: ranked candidates passed on to signal generation per scan, 1-500.</summary>
    public required int MaxCandidates { get; init; }

    /// <summary><c>scan_interval_seconds</c>: time between scans, seconds in [1, 3600].</summary>
    public required int ScanIntervalSeconds { get; init; }

    /// <summary>
    /// <c>score_weights</c>: weight per score component (keys: vol_surge, oi_delta, atr_quality, correlation,
    /// trades_per_minute, gainers_momentum), each in [-1, 1]; the absolute weights add up to 0.8-1.2.
    /// </summary>
    public required IReadOnlyDictionary<ScoreComponent, decimal> ScoreWeights { get; init; }

    /// <summary><c>symbol_whitelist</c>: scan only these Bybit symbols (e.g. <c>BTCUSDT</c>); null = the whole USDT-perpetual universe.</summary>
    public IReadOnlyList<string>? SymbolWhitelist { get; init; }

    /// <summary><c>symbol_blacklist</c>: never scan these Bybit symbols; null = none.</summary>
    public IReadOnlyList<string>? SymbolBlacklist { get; init; }

    /// <summary><c>top_n_by_volume</c>: before scoring, keep only this many symbols by 24 h turnover, 1-1000; null = all.</summary>
    public int? TopNByVolume { get; init; }

    /// <summary><c>gainers_filter</c>: optional restriction to the day's top gainers.</summary>
    public GainersFilterConfig? GainersFilter { get; init; }

    /// <summary><c>losers_filter</c>: optional restriction to the day's top losers.</summary>
    public LosersFilterConfig? LosersFilter { get; init; }

    private const decimal MinTotalWeight = 0.8m;
    private const decimal MaxTotalWeight = 1.2m;

    internal static ScannerConfig Read(PresetObjectReader json)
    {
        var config = new ScannerConfig
        {
            MaxCandidates = json.Int("max_candidates", new IntRange(1, 500), PresetUnits.Candidates),
            ScanIntervalSeconds = json.Int("scan_interval_seconds", new IntRange(1, 3600), PresetUnits.Seconds),
            ScoreWeights = json.Section("score_weights", ReadScoreWeights, describeUnknownKey: DescribeUnknownComponent)!,
            SymbolWhitelist = ReadSymbols(json, "symbol_whitelist", minCount: 1),
            SymbolBlacklist = ReadSymbols(json, "symbol_blacklist", minCount: 0),
            TopNByVolume = json.OptionalInt("top_n_by_volume", new IntRange(1, 1000), PresetUnits.Symbols),
            GainersFilter = json.Section("gainers_filter", GainersFilterConfig.Read, required: false),
            LosersFilter = json.Section("losers_filter", LosersFilterConfig.Read, required: false),
        };

        if (config.SymbolWhitelist is { } whitelist && config.SymbolBlacklist is { } blacklist)
        {
            var blacklistPath = json.PathOf("symbol_blacklist");
            for (var i = 0; i < blacklist.Count; i++)
            {
                if (whitelist.Contains(blacklist[i], StringComparer.Ordinal))
                {
                    json.AddErrorAt(JsonPaths.Index(blacklistPath, i), $"'{blacklist[i]}' is in both symbol_whitelist and symbol_blacklist");
                }
            }
        }

        return config;
    }

    private static Dictionary<ScoreComponent, decimal> ReadScoreWeights(PresetObjectReader json)
    {
        var weights = new Dictionary<ScoreComponent, decimal>();
        var errorsBefore = json.TotalErrorCount;
        foreach (var key in json.Keys)
        {
            // Unknown components are left for RejectUnknownKeys, which names the allowed ones.
            if (ScoreComponentNames.TryParse(key, out var component))
            {
                weights[component] = json.Decimal(key, DecimalRange.Closed(-1m, 1m), PresetUnits.ScoreWeight);
            }
        }

        if (json.Keys.Count == 0)
        {
            json.AddErrorAt(json.Path, $"needs at least one weight; components: {AllComponentNames()}");
        }
        else if (weights.Count > 0 && json.TotalErrorCount == errorsBefore)
        {
            var total = weights.Values.Sum(Math.Abs);
            if (total < MinTotalWeight || total > MaxTotalWeight)
            {
                json.AddErrorAt(json.Path, string.Create(
                    CultureInfo.InvariantCulture,
                    $"the absolute weights add up to {total}; expected a total in [{MinTotalWeight}, {MaxTotalWeight}] so scores stay comparable between presets"));
            }
        }

        return weights;
    }

    private static string DescribeUnknownComponent(string key) =>
        $"unknown score component '{key}' (it would score 0); expected one of: {AllComponentNames()}";

    private static string AllComponentNames() => string.Join(", ", ScoreComponentNames.All.Select(pair => pair.Key));

    private static List<string>? ReadSymbols(PresetObjectReader json, string key, int minCount)
    {
        var items = json.Array(key, new IntRange(minCount, 1000), "Bybit symbols such as BTCUSDT", required: false);
        if (items is null)
        {
            return null;
        }

        var symbols = new List<string>(items.Count);
        foreach (var (value, path) in items)
        {
            var symbol = json.StringAt(value, path, "a Bybit symbol such as BTCUSDT");
            if (symbol is null)
            {
                continue;
            }

            if (!BybitSymbolRules.IsUsdtPerpetual(symbol))
            {
                json.AddErrorAt(path, BybitSymbolRules.Explain(symbol));
            }
            else if (symbols.Contains(symbol, StringComparer.Ordinal))
            {
                json.AddErrorAt(path, $"'{symbol}' is listed twice");
            }

            symbols.Add(symbol);
        }

        return symbols;
    }
}
