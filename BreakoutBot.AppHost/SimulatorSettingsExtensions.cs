using BreakoutBot.AppHost.Infrastructure;
using BreakoutBot.Domain.Trading;
using Microsoft.Extensions.Configuration;

namespace BreakoutBot.AppHost;

/// <summary>
/// Hands the AppHost's <c>Simulator:*</c> settings (seed, speed, history, symbols, funding, leverage, latency, and the
/// fault-injection switch for fire drills) to the exchange simulator.
/// </summary>
public static class SimulatorSettingsExtensions
{
    private static readonly string[] Keys = ["Seed", "Speed", "HistoryBars", "SymbolCount", "FundingIntervalHours", "DefaultLeverage", "Latency:OrderAckMs", "Latency:StreamMs", "Latency:JitterMs", "Faults:Enabled"];

    /// <summary>
    /// Fault injection (<c>Simulator:Faults:Enabled</c>, the <c>/sim/faults</c> endpoints) breaks the venue on purpose:
    /// allowed only on the simulated market, never where the simulator stands for a real account (paper relays mainnet).
    /// </summary>
    public static void CheckFaultsAllowed(IConfiguration configuration, TradingMode tradingMode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetValue<bool?>("Simulator:Faults:Enabled") == true
            && tradingMode != TradingMode.Sim)
        {
            throw new InfrastructureConfigurationException(
                $"Simulator:Faults:Enabled is only allowed with Trading:Mode sim (it is '{TradingModeNames.ToName(tradingMode)}'): fault injection breaks the venue on purpose, for fire drills on the simulated market.");
        }
    }

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
