namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>An upstream where a 5-minute bar closes every half second: prices move, so stops and targets are crossed.</summary>
public sealed class MovingPaperVenue() : PaperVenueBase("600");
