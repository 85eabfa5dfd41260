using BenchmarkDotNet.Running;

// Not typeof(Program): the simulator (referenced for the REST benchmarks) has a top-level Program of its own.
BenchmarkSwitcher.FromAssembly(typeof(BreakoutBot.Benchmarks.SyntheticCandles).Assembly).Run(args);
