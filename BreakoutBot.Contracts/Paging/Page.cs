namespace BreakoutBot.Contracts.Paging;

/// <summary>One page of a filtered list, newest first, with the total so a client can draw a pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
