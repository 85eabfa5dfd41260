using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Simulator.Faults;

/// <summary>The next <see cref="Count"/> order creates of <see cref="Kind"/> are refused with <see cref="RetCode"/> (nothing is created).</summary>
public sealed record OrderRefusalFault
{
    public OrderKind Kind { get; init; } = OrderKind.Any;

    [Range(1, 1_000_000)]
    public int Count { get; init; } = 1;

    /// <summary>Bybit's retCode to answer with, e.g. 110007 (insufficient balance), 10001, 110017, 10016 (server busy).</summary>
    [Range(1, 999_999)]
    public int RetCode { get; init; } = 10001;

    public string Message { get; init; } = "injected refusal";
}
