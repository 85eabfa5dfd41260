using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>One page of <c>/v5/market/instruments-info</c>; <see cref="NextPageCursor"/> is null on the last page.</summary>
public sealed record InstrumentPage(IReadOnlyList<Instrument> Instruments, string? NextPageCursor);
