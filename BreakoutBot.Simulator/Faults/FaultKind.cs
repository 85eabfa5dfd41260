namespace BreakoutBot.Simulator.Faults;

/// <summary>The fault chosen for one request.</summary>
public enum FaultKind
{
    None,

    /// <summary>Answered with retCode 10006 without reaching the venue.</summary>
    RateLimited,

    /// <summary>Answered with an HTTP 5xx without reaching the venue.</summary>
    ServerError,

    /// <summary>Handled by the venue (the order is booked), but the answer is lost.</summary>
    LoseAck,
}
