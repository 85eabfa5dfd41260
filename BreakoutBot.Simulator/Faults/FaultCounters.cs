namespace BreakoutBot.Simulator.Faults;

/// <summary>How often each fault has been injected since the settings were last replaced.</summary>
public sealed record FaultCounters(long Requests, long RateLimited, long ServerErrors, long Delayed, long AcksLost, long OrdersRefused = 0, long OrdersCancelledAfterAccept = 0, long PartialFills = 0, long OrdersHidden = 0);
