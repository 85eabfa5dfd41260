using BreakoutBot.Scanner;
using BreakoutBot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScannerServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
