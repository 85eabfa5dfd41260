using System.Reflection;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Info;
using BreakoutBot.Domain.Trading;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Info;

/// <summary><c>GET /api/info</c>: what is running, in which modes.</summary>
public static class InfoApi
{
    public const string ProductName = "BreakoutBot";

    private static readonly string Version =
        typeof(InfoApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(InfoApi).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static IEndpointRouteBuilder MapInfoApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/info", GetInfo).WithName("GetInfo").RequireReader();
        return endpoints;
    }

    public static Ok<ApplicationInfo> GetInfo(IOptions<TradingOptions> trading, IOptions<DeploymentOptions> deployment)
    {
        ArgumentNullException.ThrowIfNull(trading);
        ArgumentNullException.ThrowIfNull(deployment);
        return TypedResults.Ok(new ApplicationInfo(
            ProductName,
            Version,
            TradingModeNames.ToName(trading.Value.ParsedMode),
            deployment.Value.Mode));
    }
}
