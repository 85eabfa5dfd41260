using BreakoutBot.Backtester;

var app = BacktesterApplication.Build(args);
app.Run();
