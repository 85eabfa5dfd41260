using BreakoutBot.ServiceDefaults;

namespace BreakoutBot.Backtester;

/// <summary>The backtester host as <c>Program</c> runs it (tests start the same host on a loopback port).</summary>
public static class BacktesterApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddBacktesterServices();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
