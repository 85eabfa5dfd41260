namespace BreakoutBot.Bybit.Rest;

/// <summary>One page of a list endpoint; pass <see cref="NextPageCursor"/> back unchanged for the next, null after the last.</summary>
public sealed record VenuePage<T>(IReadOnlyList<T> Items, string? NextPageCursor);
