using BreakoutBot.ServiceDefaults;
using BreakoutBot.Simulator.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMarketApi();
app.Run();
