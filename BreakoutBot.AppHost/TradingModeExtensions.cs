using BreakoutBot.AppHost.Infrastructure;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.AppHost;

/// <summary>Reads <c>Trading:Mode</c> once and hands it to every service.</summary>
public static class TradingModeExtensions
{
    /// <exception cref="InfrastructureConfigurationException"><c>Trading:Mode</c> is not a known mode.</exception>
    public static TradingMode GetTradingMode(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration[$"{TradingOptions.SectionName}:Mode"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return TradingModeNames.Default;
        }

        if (!TradingModeNames.TryParse(configured, out var mode))
        {
            throw new InfrastructureConfigurationException(
                $"Trading:Mode '{configured}' is not valid; use one of: {string.Join(", ", TradingModeNames.All)}.");
        }

        return mode;
    }

    public static IResourceBuilder<ProjectResource> WithTradingMode(this IResourceBuilder<ProjectResource> project, TradingMode tradingMode) =>
        project.WithEnvironment("Trading__Mode", TradingModeNames.ToName(tradingMode)).WithHostEnvironment(tradingMode);

    /// <summary>
    /// Outside <c>sim</c> a service runs as <c>Production</c>: no developer error pages, no exception text in
    /// responses, no Scalar UI. In <c>sim</c> it keeps its launch profile's environment (Development).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHostEnvironment(this IResourceBuilder<ProjectResource> project, TradingMode tradingMode) =>
        tradingMode == TradingMode.Sim
            ? project
            : project.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production").WithEnvironment("DOTNET_ENVIRONMENT", "Production");

    /// <summary>Whether the mode trades on the exchange simulator (<c>sim</c>, <c>paper</c>); the others trade on Bybit.</summary>
    public static bool UsesSimulator(TradingMode tradingMode) => tradingMode is TradingMode.Sim or TradingMode.Paper;
}
