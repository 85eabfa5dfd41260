namespace BreakoutBot.Simulator.Faults;

/// <summary>How the simulator loses the answer to an order create it has already booked.</summary>
public enum LostAckMode
{
    /// <summary>HTTP 502, as a gateway that timed out waiting for the matching engine would answer.</summary>
    ServerError,

    /// <summary>The connection is reset before any answer.</summary>
    Abort,
}
