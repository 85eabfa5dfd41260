using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Simulator.Faults;

/// <summary>
/// What goes wrong on purpose (the body of <c>POST /sim/faults</c>). Shares are drawn from a random source seeded with
/// <see cref="Seed"/>, so a test sees the same faults every run; the "next N" counts are exact. Faults apply to Bybit
/// paths (<c>/v5/...</c>) that start with <see cref="PathPrefix"/>.
/// </summary>
public sealed record FaultSettings : IValidatableObject
{
    public int Seed { get; init; } = 1;

    /// <summary>Only requests whose path starts with this are affected.</summary>
    public string PathPrefix { get; init; } = "/v5/";

    /// <summary>Share (0..1) of requests answered with retCode 10006 and X-Bapi-Limit-Status 0.</summary>
    [Range(0.0, 1.0)]
    public double RateLimitedShare { get; init; }

    /// <summary>The next N requests are answered with retCode 10006.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitNext { get; init; }

    /// <summary>How far in the future the injected 10006 says the limit resets (X-Bapi-Limit-Reset-Timestamp).</summary>
    [Range(0, 60_000)]
    public int RateLimitResetMs { get; init; } = 300;

    /// <summary>Share (0..1) of requests answered with <see cref="ServerErrorStatus"/> without reaching the venue.</summary>
    [Range(0.0, 1.0)]
    public double ServerErrorShare { get; init; }

    /// <summary>The next N requests are answered with <see cref="ServerErrorStatus"/>.</summary>
    [Range(0, 1_000_000)]
    public int ServerErrorNext { get; init; }

    [Range(500, 599)]
    public int ServerErrorStatus { get; init; } = 503;

    /// <summary>Added to every affected request before it is handled.</summary>
    [Range(0, 60_000)]
    public int DelayMs { get; init; }

    /// <summary>
    /// Added after an affected request is handled, before its answer goes out: the venue has acted (an order is booked)
    /// while the caller still waits, the window in which a crashed client never learns the outcome.
    /// </summary>
    [Range(0, 600_000)]
    public int AnswerDelayMs { get; init; }

    /// <summary>The next N order creates are accepted and booked, but their answer is lost (see <see cref="LostAckMode"/>).</summary>
    [Range(0, 1_000_000)]
    public int LoseOrderAcks { get; init; }

    /// <summary>How an ack is lost: <c>ServerError</c> (HTTP 502 instead of the ack) or <c>Abort</c> (connection reset).</summary>
    public LostAckMode LostAckMode { get; init; } = LostAckMode.ServerError;

    /// <summary>Order creates refused with a chosen retCode, by kind (entry, stop, reduce-only exit), in order of the list.</summary>
    public IReadOnlyList<OrderRefusalFault> RefuseOrders { get; init; } = [];

    /// <summary>The next N orders of <see cref="CancelAfterAcceptKind"/> are accepted (the create answers success) and then cancelled by the venue.</summary>
    [Range(0, 1_000_000)]
    public int CancelAfterAcceptNext { get; init; }

    public OrderKind CancelAfterAcceptKind { get; init; } = OrderKind.Any;

    /// <summary>The next N market orders of <see cref="PartialFillKind"/> meet a book so thin that only <see cref="PartialFillShare"/> of them fills; the rest is cancelled.</summary>
    [Range(0, 1_000_000)]
    public int PartialFillNext { get; init; }

    public OrderKind PartialFillKind { get; init; } = OrderKind.Any;

    [Range(0.0, 1.0)]
    public double PartialFillShare { get; init; } = 0.5;

    /// <summary>A created order is missing from <c>/v5/order/realtime</c> and <c>/v5/order/history</c> for this long (the venue's eventual consistency).</summary>
    [Range(0, 600_000)]
    public int HideCreatedOrdersMs { get; init; }

    public static FaultSettings None { get; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < RefuseOrders.Count; i++)
        {
            var problems = new List<ValidationResult>();
            if (RefuseOrders[i] is null)
            {
                yield return new ValidationResult($"RefuseOrders[{i}] must not be null.", [nameof(RefuseOrders)]);
                continue;
            }

            Validator.TryValidateObject(RefuseOrders[i], new ValidationContext(RefuseOrders[i]), problems, validateAllProperties: true);
            foreach (var problem in problems)
            {
                yield return new ValidationResult($"RefuseOrders[{i}]: {problem.ErrorMessage}", [nameof(RefuseOrders)]);
            }
        }
    }
}
