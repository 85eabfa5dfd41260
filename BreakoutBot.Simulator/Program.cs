using BreakoutBot.Simulator;

var app = SimulatorApplication.Build(args);
app.Run();
