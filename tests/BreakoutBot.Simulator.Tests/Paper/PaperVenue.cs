namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>An upstream so slow that no bar closes during a test: its market holds still, so answers can be compared.</summary>
public sealed class PaperVenue() : PaperVenueBase("0.01");
