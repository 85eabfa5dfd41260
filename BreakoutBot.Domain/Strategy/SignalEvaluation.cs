namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// The outcome of one candle: at most one signal, and every failed condition (of levels and strategies that did not
/// signal) so the scanner can show why nothing fired.
/// </summary>
public sealed record SignalEvaluation(BreakoutSignal? Signal, IReadOnlyList<SignalRejection> Rejections)
{
    public bool HasSignal => Signal is not null;

    /// <summary>Whether any rejection has <paramref name="code"/>.</summary>
    public bool WasRejectedFor(SignalRejectionCode code) => Rejections.Any(rejection => rejection.Code == code);
}
