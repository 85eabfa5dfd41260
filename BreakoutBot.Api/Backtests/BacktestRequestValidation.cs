using System.Globalization;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Api.Backtests;

/// <summary>
/// Checks a <c>POST /api/backtests</c> body and fills in every default, so what is stored is exactly what runs. Each
/// problem is keyed by its JSON path (<c>$.market.bars</c>) with the allowed range.
/// </summary>
internal static class BacktestRequestValidation
{
    public const int DefaultSyntheticSeed = 11;
    public const int DefaultSyntheticSymbols = 8;
    public const int DefaultSyntheticBars = 5_000;
    public const int MinSyntheticBars = 100;
    public const int MaxSyntheticBars = 200_000;

    /// <summary>Most bars a synthetic market may have over all its symbols (about five minutes of one core).</summary>
    public const long MaxSyntheticBarsTotal = 3_200_000;

    public const int MaxSymbols = 64;

    /// <summary>The request with every default filled in, or the problems keyed by JSON path.</summary>
    public static (StartBacktestRequest? Resolved, Dictionary<string, string[]> Errors) Resolve(StartBacktestRequest request, int presetVersion)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string path, string message) => errors[path] = [message];

        var market = Market(request.Market, Add);
        var balance = request.Balance ?? 10_000m;
        if (balance is < 0.01m or > 1_000_000_000m)
        {
            Add("$.balance", "must be from 0.01 to 1000000000 USDT");
        }

        if (request.From is { } from && request.To is { } to && to <= from)
        {
            Add("$.to", "must be after $.from");
        }

        var symbols = request.Symbols?.Select(symbol => symbol?.Trim().ToUpperInvariant() ?? "").ToList();
        if (symbols is not null && (symbols.Count > MaxSymbols || symbols.Any(symbol => symbol.Length is 0 or > 32 || !symbol.All(char.IsAsciiLetterOrDigit))))
        {
            Add("$.symbols", $"must be at most {MaxSymbols} symbols of letters and digits, e.g. [\"BTCUSDT\", \"ETHUSDT\"]");
        }

        var interval = request.Interval ?? "5";
        if (!CandleInterval.TryParseBacktestInterval(interval, out _))
        {
            Add("$.interval", "must be " + CandleInterval.BacktestIntervalRule);
        }

        if (request.TakerFeeBps is < 0 or > 100)
        {
            Add("$.takerFeeBps", "must be from 0 to 100 basis points");
        }

        if (request.MakerFeeBps is < -100 or > 100)
        {
            Add("$.makerFeeBps", "must be from -100 to 100 basis points (negative: a rebate)");
        }

        if (request.SlippageBps is < 0 or > 1_000)
        {
            Add("$.slippageBps", "must be from 0 to 1000 basis points");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (request with
        {
            PresetVersion = presetVersion,
            Market = market,
            Balance = balance,
            Symbols = symbols is { Count: > 0 } ? [.. symbols.Distinct(StringComparer.Ordinal)] : null,
            Seed = request.Seed ?? 1,
            Interval = interval,
            SlippageBps = request.SlippageBps ?? 2m,
        }, errors);
    }

    private static BacktestMarketChoice Market(BacktestMarketChoice? market, Action<string, string> add)
    {
        if (market is null || market.Source == BacktestMarketChoice.Synthetic)
        {
            var symbols = market?.Symbols ?? DefaultSyntheticSymbols;
            var bars = market?.Bars ?? DefaultSyntheticBars;
            if (symbols < 1 || symbols > SyntheticUniverse.Default.Count)
            {
                add("$.market.symbols", $"must be from 1 to {SyntheticUniverse.Default.Count} (the simulator's universe)");
            }
            else if (bars is < MinSyntheticBars or > MaxSyntheticBars)
            {
                add("$.market.bars", string.Create(CultureInfo.InvariantCulture, $"must be from {MinSyntheticBars} to {MaxSyntheticBars} five-minute bars"));
            }
            else if ((long)symbols * bars > MaxSyntheticBarsTotal)
            {
                add("$.market.bars", string.Create(CultureInfo.InvariantCulture, $"symbols × bars must be at most {MaxSyntheticBarsTotal:N0} (asked {(long)symbols * bars:N0})"));
            }

            if (market?.DataSet is not null)
            {
                add("$.market.dataSet", "only a 'data-set' market names a data set");
            }

            return new BacktestMarketChoice(BacktestMarketChoice.Synthetic, market?.Seed ?? DefaultSyntheticSeed, symbols, bars);
        }

        if (market.Source == BacktestMarketChoice.DataSetSource)
        {
            if (!BacktestMarketChoice.IsValidDataSetName(market.DataSet))
            {
                add("$.market.dataSet", BacktestMarketChoice.DataSetNameRule);
            }

            if (market.Seed is not null || market.Symbols is not null || market.Bars is not null)
            {
                add("$.market", "seed, symbols and bars describe a synthetic market; a data set has its own bars");
            }

            return new BacktestMarketChoice(BacktestMarketChoice.DataSetSource, DataSet: market.DataSet);
        }

        add("$.market.source", $"must be '{BacktestMarketChoice.Synthetic}' or '{BacktestMarketChoice.DataSetSource}'");
        return market;
    }
}
