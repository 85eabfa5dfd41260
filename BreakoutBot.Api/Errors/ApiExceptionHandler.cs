using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BreakoutBot.Api.Errors;

/// <summary>
/// Turns exceptions into ProblemDetails: bad requests (malformed JSON, wrong types, unknown fields, oversized bodies)
/// become 4xx with a stable type; anything else is a 500 without exception text (it can hold connection details),
/// except in Development.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Type = ProblemTypes.ForStatus(bad.StatusCode),
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = Describe(bad),
            },
            JsonException json => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest, Type = ProblemTypes.BadRequest, Title = "Bad request", Detail = json.Message,
            },
            BybitApiException venue => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway, Type = ProblemTypes.VenueUnavailable, Title = "The venue refused the request", Detail = venue.Message,
            },
            HttpRequestException => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway, Type = ProblemTypes.VenueUnavailable, Title = "The venue did not answer",
                Detail = "The market data venue could not be reached.",
            },
            _ when IsDependencyOutage(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Type = ProblemTypes.DependencyUnavailable, Title = "A dependency is unavailable",
                Detail = "PostgreSQL or Redis did not answer; try again shortly.",
            },
            _ => null,
        };

        if (problem is null)
        {
            Log.UnhandledException(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "Internal error",
                Detail = environment.IsDevelopment() ? exception.ToString() : "An unexpected error occurred; it has been logged.",
            };
        }
        else
        {
            Log.RequestRejected(logger, httpContext.Request.Method, httpContext.Request.Path, problem.Status ?? 400, exception.GetType().Name);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>PostgreSQL or Redis unreachable, possibly wrapped (EF Core's retry strategy gives up with its own exception).</summary>
    private static bool IsDependencyOutage(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is StackExchange.Redis.RedisException or Npgsql.NpgsqlException or TimeoutException
                or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The binder's message plus the JSON reader's (which names the path and line), never the raw input.</summary>
    private static string Describe(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? $"{exception.Message} {json.Message}" : exception.Message;
}
