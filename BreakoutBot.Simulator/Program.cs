using BreakoutBot.ServiceDefaults;
using BreakoutBot.Simulator;

var app = SimulatorApplication.Build(args);
app.Run();
