using BreakoutBot.AppHost.Infrastructure;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.AppHost;

/// <summary>Hands the one <c>Trading:Mode</c> setting to every service.</summary>
public static class TradingModeExtensions
{
    /// <exception cref="InfrastructureConfigurationException"><c>Trading:Mode</c> is not a known mode.</exception>
    public static string GetTradingModeName(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration[$"{TradingOptions.SectionName}:Mode"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return TradingModeNames.ToName(TradingModeNames.Default);
        }

        if (!TradingModeNames.TryParse(configured, out var mode))
        {
            throw new InfrastructureConfigurationException(
                $"Trading:Mode '{configured}' is not valid; use one of: {string.Join(", ", TradingModeNames.All)}.");
        }

        return TradingModeNames.ToName(mode);
    }

    public static IResourceBuilder<ProjectResource> WithTradingMode(this IResourceBuilder<ProjectResource> project, string tradingMode) =>
        project.WithEnvironment("Trading__Mode", tradingMode).WithHostEnvironment(tradingMode);

    /// <summary>
    /// Outside <c>sim</c> a service runs as <c>Production</c>: no developer error pages, no exception text in
    /// responses, no Scalar UI. In <c>sim</c> it keeps its launch profile's environment (Development).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHostEnvironment(this IResourceBuilder<ProjectResource> project, string tradingMode) =>
        TradingModeNames.TryParse(tradingMode, out var mode) && mode == TradingMode.Sim
            ? project
            : project.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production").WithEnvironment("DOTNET_ENVIRONMENT", "Production");

    /// <summary>Whether the mode trades on the exchange simulator (<c>sim</c>, <c>paper</c>); the others trade on Bybit.</summary>
    public static bool UsesSimulator(string tradingMode) =>
        TradingModeNames.TryParse(tradingMode, out var mode) && mode is TradingMode.Sim or TradingMode.Paper;
}
