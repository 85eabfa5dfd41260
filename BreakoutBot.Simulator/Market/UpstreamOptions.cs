namespace BreakoutBot.Simulator.Market;

/// <summary>The <c>Simulator:Upstream</c> section: the venue whose public market data <see cref="SimulatorMode.Paper"/> relays.</summary>
public sealed class UpstreamOptions
{
    /// <summary>Bybit's REST base address, e.g. <c>https://api.bybit.com</c>.</summary>
    public string? RestUrl { get; set; }

    /// <summary>Bybit's public linear stream, e.g. <c>wss://stream.bybit.com/v5/public/linear</c>.</summary>
    public string? PublicStream { get; set; }
}
