using BreakoutBot.Migrator;
using BreakoutBot.ServiceDefaults;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddMigratorServices();

using var host = builder.Build();
return await MigrationRun.RunAsync(host, CancellationToken.None);
