using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BreakoutBot.Api.Errors;

/// <summary>Builds the Api's ProblemDetails results with their stable types.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", detail);

    public static ProblemHttpResult NoData(string detail) => Create(StatusCodes.Status404NotFound, ProblemTypes.NoData, "No data yet", detail);

    public static ProblemHttpResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict", detail);

    public static ProblemHttpResult VenueUnavailable(string detail) =>
        Create(StatusCodes.Status502BadGateway, ProblemTypes.VenueUnavailable, "The venue did not answer", detail);

    /// <summary>A 400 with errors keyed by where they are: a JSON path into the body (<c>$.mode</c>) or a query parameter name.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "The request is not valid; see errors.", type: ProblemTypes.Validation, title: "Validation failed");

    public static ValidationProblem Validation(string key, string message) => Validation(new Dictionary<string, string[]> { [key] = [message] });

    public static ProblemHttpResult Create(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return TypedResults.Problem(problem);
    }
}
