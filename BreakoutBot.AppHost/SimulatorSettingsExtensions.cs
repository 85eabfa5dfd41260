using Microsoft.Extensions.Configuration;

namespace BreakoutBot.AppHost;

/// <summary>Hands the AppHost's <c>Simulator:*</c> settings (seed, speed, history, symbols, funding, leverage, latency) to the exchange simulator.</summary>
public static class SimulatorSettingsExtensions
{
    private static readonly string[] Keys = ["Seed", "Speed", "HistoryBars", "SymbolCount", "FundingIntervalHours", "DefaultLeverage", "Latency:OrderAckMs", "Latency:StreamMs", "Latency:JitterMs"];

    public static IResourceBuilder<ProjectResource> WithSimulatorSettings(this IResourceBuilder<ProjectResource> simulator, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var key in Keys)
        {
            if (configuration[$"Simulator:{key}"] is { Length: > 0 } value)
            {
                simulator = simulator.WithEnvironment($"Simulator__{key.Replace(":", "__", StringComparison.Ordinal)}", value);
            }
        }

        return simulator;
    }
}
