using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Matching;

/// <summary>An execution (Bybit <c>execution</c> topic). Always followed by the <see cref="OrderUpdated"/> it caused.</summary>
public sealed record OrderFilled(Fill Fill) : MatchingEvent(Fill?.ExecutedAt ?? throw new ArgumentNullException(nameof(Fill)));
