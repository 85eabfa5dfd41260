namespace BreakoutBot.Web.ApiClients;

/// <summary>One page of a list, newest first, with the total.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 || PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
