using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Faults;

/// <summary>Which orders an order-path fault applies to.</summary>
public enum OrderKind
{
    /// <summary>Every order.</summary>
    Any,

    /// <summary>An order that may open or add to a position: neither reduce-only nor conditional.</summary>
    Entry,

    /// <summary>A conditional order (a trigger price): stops.</summary>
    Stop,

    /// <summary>A reduce-only order without a trigger: exits, take-profits, flattening.</summary>
    ReduceOnly,
}

/// <summary>Classifies requests by <see cref="OrderKind"/>.</summary>
public static class OrderKinds
{
    public static bool Matches(this OrderKind kind, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return kind switch
        {
            OrderKind.Entry => !request.ReduceOnly && request.Trigger is null,
            OrderKind.Stop => request.Trigger is not null,
            OrderKind.ReduceOnly => request.ReduceOnly && request.Trigger is null,
            _ => true,
        };
    }
}
