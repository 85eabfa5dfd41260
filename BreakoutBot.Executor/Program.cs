using BreakoutBot.Executor;
using BreakoutBot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddExecutorServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
