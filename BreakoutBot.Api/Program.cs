using BreakoutBot.Api;
using BreakoutBot.Api.Info;
using BreakoutBot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapInfoApi();
app.Run();
