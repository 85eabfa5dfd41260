using System.Diagnostics.CodeAnalysis;

namespace BreakoutBot.Web.ApiClients;

/// <summary>A call's answer: a value, or the problem that prevented it (never both).</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null && Value is not null;
}
