using BreakoutBot.Domain.Trading;

namespace BreakoutBot.AppHost;

/// <summary>
/// Points a service's Bybit V5 client at its venue. In <c>sim</c> and <c>paper</c> mode that is the exchange
/// simulator: REST through service discovery (<c>http://exchange-sim</c>), the WebSocket streams at the simulator's
/// allocated endpoint. In <c>testnet</c>, <c>demo</c> and <c>live</c> it is Bybit itself. The account key is an Aspire
/// secret parameter (<c>Parameters:bybit-api-key</c>, <c>Parameters:bybit-api-secret</c>, e.g. from user-secrets); in
/// <c>sim</c> and <c>paper</c> it defaults to the simulator's own account, which the simulator is given too. In the
/// other modes the simulator is not part of the application at all, so real credentials never reach it.
/// </summary>
public static class VenueExtensions
{
    private const string SimulatedKey = "sim-api-key";
    private const string SimulatedSecret = "sim-api-secret";
    private const string MainnetRestUrl = "https://api.bybit.com";
    private const string MainnetPublicStream = "wss://stream.bybit.com/v5/public/linear";

    /// <summary>The account key and secret as secret parameters.</summary>
    public static (IResourceBuilder<ParameterResource> Key, IResourceBuilder<ParameterResource> Secret) AddVenueCredentials(
        this IDistributedApplicationBuilder builder, TradingMode tradingMode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var simulated = TradingModeExtensions.UsesSimulator(tradingMode);
        var key = simulated
            ? builder.AddParameter("bybit-api-key", SimulatedKey, secret: true)
            : builder.AddParameter("bybit-api-key", secret: true);
        var secret = simulated
            ? builder.AddParameter("bybit-api-secret", SimulatedSecret, secret: true)
            : builder.AddParameter("bybit-api-secret", secret: true);
        return (key, secret);
    }

    /// <summary>Gives the simulator the account it serves.</summary>
    public static IResourceBuilder<ProjectResource> WithSimulatedAccount(
        this IResourceBuilder<ProjectResource> simulator, (IResourceBuilder<ParameterResource> Key, IResourceBuilder<ParameterResource> Secret) credentials)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return simulator
            .WithEnvironment("Simulator__ApiKey", credentials.Key)
            .WithEnvironment("Simulator__ApiSecret", credentials.Secret);
    }

    /// <summary>
    /// Tells the simulator where its market comes from: in <c>paper</c> mode Bybit mainnet's public market data
    /// (REST and the public linear stream; no key needed, our orders never leave the simulator), in <c>sim</c> mode its
    /// synthetic market. Other modes do not trade on the simulator, which then keeps its default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSimulatorMode(this IResourceBuilder<ProjectResource> simulator, TradingMode tradingMode)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        if (tradingMode is not (TradingMode.Sim or TradingMode.Paper))
        {
            return simulator;
        }

        if (tradingMode == TradingMode.Sim)
        {
            return simulator.WithEnvironment("Simulator__Mode", "Sim");
        }

        return simulator
            .WithEnvironment("Simulator__Mode", "Paper")
            .WithEnvironment("Simulator__Upstream__RestUrl", MainnetRestUrl)
            .WithEnvironment("Simulator__Upstream__PublicStream", MainnetPublicStream);
    }

    /// <summary>Market data only: REST and the public stream (<paramref name="simulator"/> is null in the modes that trade on Bybit).</summary>
    public static IResourceBuilder<ProjectResource> WithMarketVenue(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource>? simulator, TradingMode tradingMode)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (TradingModeExtensions.UsesSimulator(tradingMode))
        {
            ArgumentNullException.ThrowIfNull(simulator);
            var endpoint = simulator.GetEndpoint("http");
            return service
                .WithReference(simulator).WaitFor(simulator)
                .WithEnvironment("Bybit__BaseUrl", "http://exchange-sim")
                .WithEnvironment("Bybit__Streams__PublicEndpoint", ReferenceExpression.Create($"ws://{endpoint.Property(EndpointProperty.HostAndPort)}/v5/public/linear"))
                .WithEnvironment("Bybit__Streams__PrivateEndpoint", ReferenceExpression.Create($"ws://{endpoint.Property(EndpointProperty.HostAndPort)}/v5/private"));
        }

        var (restUrl, publicStream, privateStream) = BybitEndpoints(tradingMode);
        return service
            .WithEnvironment("Bybit__BaseUrl", restUrl)
            .WithEnvironment("Bybit__Streams__PublicEndpoint", publicStream)
            .WithEnvironment("Bybit__Streams__PrivateEndpoint", privateStream);
    }

    /// <summary>Market data and the account: adds the key and secret.</summary>
    public static IResourceBuilder<ProjectResource> WithTradingVenue(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ProjectResource>? simulator,
        TradingMode tradingMode,
        (IResourceBuilder<ParameterResource> Key, IResourceBuilder<ParameterResource> Secret) credentials) =>
        service.WithMarketVenue(simulator, tradingMode)
            .WithEnvironment("Bybit__ApiKey", credentials.Key)
            .WithEnvironment("Bybit__ApiSecret", credentials.Secret);

    private static (string RestUrl, string PublicStream, string PrivateStream) BybitEndpoints(TradingMode tradingMode) =>
        tradingMode == TradingMode.Live
            ? (MainnetRestUrl, MainnetPublicStream, "wss://stream.bybit.com/v5/private")
            : tradingMode == TradingMode.Demo
                ? ("https://api-demo.bybit.com", MainnetPublicStream, "wss://stream-demo.bybit.com/v5/private")
                : ("https://api-testnet.bybit.com", "wss://stream-testnet.bybit.com/v5/public/linear", "wss://stream-testnet.bybit.com/v5/private");
}
