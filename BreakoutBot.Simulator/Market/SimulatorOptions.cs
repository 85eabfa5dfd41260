using System.ComponentModel.DataAnnotations;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Market;

/// <summary>The <c>Simulator</c> configuration section.</summary>
public sealed class SimulatorOptions : IValidatableObject
{
    public const string SectionName = "Simulator";

    /// <summary><see cref="SimulatorMode.Sim"/> (synthetic market, the default) or <see cref="SimulatorMode.Paper"/> (Bybit's market relayed).</summary>
    public SimulatorMode Mode { get; set; } = SimulatorMode.Sim;

    /// <summary>The venue relayed in <see cref="SimulatorMode.Paper"/>; ignored in <see cref="SimulatorMode.Sim"/>.</summary>
    public UpstreamOptions Upstream { get; set; } = new();

    /// <summary>Paper mode: what of the relayed market is saved to files (see <see cref="RecordingOptions"/>).</summary>
    public RecordingOptions Recording { get; set; } = new();

    /// <summary>Seed of the synthetic market: the same seed gives the same market.</summary>
    public int Seed { get; set; } = 20261126;

    /// <summary>Simulated seconds per real second: 1 = real time; 60 makes a 5-minute bar close every 5 seconds.</summary>
    [Range(0.01, 10_000)]
    public double Speed { get; set; } = 1;

    /// <summary>Closed 5-minute bars that exist before the simulation starts, so indicators can warm up at once.</summary>
    [Range(1, 20_000)]
    public int HistoryBars { get; set; } = 1_000;

    /// <summary>How many symbols of the default universe to simulate (at most 32).</summary>
    [Range(1, 32)]
    public int SymbolCount { get; set; } = 32;

    /// <summary>API key of the simulated account. Only meaningful to the simulator; never a real Bybit key.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApiKey { get; set; } = "sim-api-key";

    /// <summary>Secret of the simulated account (signing only; never logged or returned).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApiSecret { get; set; } = "sim-api-secret";

    /// <summary>USDT in the simulated account's wallet at start.</summary>
    [Range(0, 1_000_000_000)]
    public decimal StartingBalance { get; set; } = 10_000m;

    /// <summary>Leverage of a symbol until the account sets one (<c>/v5/position/set-leverage</c>); Bybit's default is 10, capped by the contract's maximum.</summary>
    [Range(1, 200)]
    public decimal DefaultLeverage { get; set; } = 10m;

    /// <summary>Price protection: a market order trades only within this fraction of the mark price; the rest is cancelled.</summary>
    [Range(0.001, 1)]
    public decimal MarketPriceBand { get; set; } = 0.03m;

    /// <summary>Hours between funding settlements (Bybit's default is 8; some contracts settle every 1, 2 or 4).</summary>
    [Range(1, 8)]
    public int FundingIntervalHours { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Recording.Directory is not null)
        {
            if (Mode != SimulatorMode.Paper)
            {
                yield return new ValidationResult("Simulator:Recording:Directory records the relayed market: it needs Simulator:Mode Paper.", [nameof(Recording)]);
            }

            if (Recording.Symbols.Count == 0 || Recording.Symbols.Any(symbol => string.IsNullOrWhiteSpace(symbol) || !symbol.All(char.IsAsciiLetterOrDigit)))
            {
                yield return new ValidationResult("Simulator:Recording:Symbols must list the symbols to record (e.g. BTCUSDT, ETHUSDT).", [nameof(Recording)]);
            }

            if (!CandleInterval.TryParseWireName(Recording.Interval, out var interval) || interval.FixedDuration is null)
            {
                yield return new ValidationResult($"Simulator:Recording:Interval must be a Bybit kline interval (1, 3, 5, 15...); it is '{Recording.Interval}'.", [nameof(Recording)]);
            }
        }

        if (Mode != SimulatorMode.Paper)
        {
            yield break;
        }

        if (!(Uri.TryCreate(Upstream.RestUrl, UriKind.Absolute, out var rest) && rest.Scheme is "http" or "https"))
        {
            yield return new ValidationResult(
                $"Simulator:Upstream:RestUrl must be an absolute http(s) URL in Paper mode (e.g. https://api.bybit.com); it is '{Upstream.RestUrl}'.",
                [nameof(Upstream)]);
        }

        if (!(Uri.TryCreate(Upstream.PublicStream, UriKind.Absolute, out var stream) && stream.Scheme is "ws" or "wss"))
        {
            yield return new ValidationResult(
                $"Simulator:Upstream:PublicStream must be an absolute ws(s) URL in Paper mode (e.g. wss://stream.bybit.com/v5/public/linear); it is '{Upstream.PublicStream}'.",
                [nameof(Upstream)]);
        }
    }
}
