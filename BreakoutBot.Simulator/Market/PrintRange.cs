using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Simulator.Market;

/// <summary>Prints <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) of one bar's tape.</summary>
public readonly record struct PrintRange(IntrabarTape Tape, int From, int To);
