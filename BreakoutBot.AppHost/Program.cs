using BreakoutBot.AppHost;
using BreakoutBot.AppHost.Infrastructure;
using BreakoutBot.Domain.Trading;

var builder = DistributedApplication.CreateBuilder(args);

InfrastructureResources infrastructure;
TradingMode tradingMode;
try
{
    infrastructure = builder.AddInfrastructure();
    tradingMode = builder.GetTradingMode();
    SimulatorSettingsExtensions.CheckFaultsAllowed(builder.Configuration, tradingMode);
}
catch (InfrastructureConfigurationException exception)
{
    await Console.Error.WriteLineAsync($"BreakoutBot.AppHost cannot start: {exception.Message}");
    return 2;
}

var (database, _, decision, _) = infrastructure;
var venueCredentials = builder.AddVenueCredentials(tradingMode);

// The exchange simulator exists only in the modes that trade on it (sim, paper): testnet, demo and live trade on Bybit,
// and the real account's credentials never reach the simulator.
var exchange = TradingModeExtensions.UsesSimulator(tradingMode)
    ? builder.AddProject<Projects.BreakoutBot_Simulator>("exchange-sim")
        .WithTradingMode(tradingMode)
        .WithSimulatorMode(tradingMode)
        .WithSimulatorSettings(builder.Configuration)
        .WithSimulatedAccount(venueCredentials)
        .WithHttpHealthCheck("/health")
    : null;

// One job migrates the database and seeds the shipped presets, then exits; every service that uses the database
// starts only after it completed successfully.
// The console's first admin ('admin') gets this password on the first run (the db-migrator creates the user); it is
// generated and kept in the AppHost's user-secrets unless set, and the dashboard shows it under the parameters.
var consoleAdminPassword = builder.AddParameter("console-admin-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
var migrator = builder.AddProject<Projects.BreakoutBot_Migrator>("db-migrator")
    .WithHostEnvironment(tradingMode)
    .WithEnvironment("Console__BootstrapAdminPassword", consoleAdminPassword)
    .WithReference(database).WaitFor(database);

// Each service reaches Redis as its own ACL user (RedisAccess: the scanner cannot write a command), in both modes.
var executor = builder.AddProject<Projects.BreakoutBot_Executor>("executor")
    .WithTradingMode(tradingMode)
    .WithReference(database).WaitForCompletion(migrator)
    .WithRedisAs(infrastructure, RedisRole.Executor)
    .WithTradingVenue(exchange, tradingMode, venueCredentials)
    .WithHttpHealthCheck("/health");

var scanner = builder.AddProject<Projects.BreakoutBot_Scanner>("scanner")
    .WithTradingMode(tradingMode)
    .WithReference(database).WaitForCompletion(migrator)
    .WithRedisAs(infrastructure, RedisRole.Scanner)
    .WithMarketVenue(exchange, tradingMode)
    .WithHttpHealthCheck("/health");

// Backtests run here, not in the Api: it takes the runs the Api queues in PostgreSQL. Deployed, its data sets live in
// the pod's writable /tmp (generated synthetic markets); mount a volume there for downloaded or recorded data sets.
var backtester = builder.AddProject<Projects.BreakoutBot_Backtester>("backtester")
    .WithHostEnvironment(tradingMode)
    .WithReference(database).WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");
if (builder.ExecutionContext.IsPublishMode)
{
    backtester.WithEnvironment("Backtester__DataDirectory", "/tmp/backtests");
}

// The Api's keys (Aspire secret parameters: generated and kept in user-secrets unless set): the console's, with the
// admin role (the operator at the console may start a real venue), and one for automation with the operator role.
var consoleApiKey = builder.AddParameter("api-key-web", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
var automationApiKey = builder.AddParameter("api-key-automation", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var api = builder.AddProject<Projects.BreakoutBot_Api>("api")
    .WithTradingMode(tradingMode)
    .WithEnvironment("Api__Keys__web", consoleApiKey)
    .WithEnvironment("Api__KeyRoles__web", "admin")
    .WithEnvironment("Api__DelegatingKeys__0", "web")
    .WithEnvironment("Api__Keys__automation", automationApiKey)
    .WithEnvironment("Api__KeyRoles__automation", "operator")
    .WithMarketVenue(exchange, tradingMode)
    .WithEnvironment("Infrastructure__Mode", decision.Mode.ToString())
    .WithReference(database).WaitForCompletion(migrator)
    .WithRedisAs(infrastructure, RedisRole.Api)
    .WaitFor(executor)
    .WaitFor(scanner)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.BreakoutBot_Web>("web")
    .WithHostEnvironment(tradingMode)
    .WithReference(database).WaitForCompletion(migrator)
    .WithReference(api).WaitFor(api)
    .WithEnvironment("Api__Key", consoleApiKey)
    .WithConsoleSingleSignOn(builder)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

await builder.Build().RunAsync();
return 0;
