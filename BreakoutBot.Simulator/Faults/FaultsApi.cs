using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Simulator.Faults;

/// <summary>
/// Test-only control of injected faults: <c>POST /sim/faults</c> replaces the settings (and reseeds), <c>GET</c> shows
/// them with counters, <c>DELETE</c> turns every fault off. Mapped only when <c>Simulator:Faults:Enabled</c> is true.
/// </summary>
public static class FaultsApi
{
    public static IEndpointRouteBuilder MapFaultsApi(this IEndpointRouteBuilder endpoints)
    {
        var faults = endpoints.MapGroup("/sim/faults");
        faults.MapGet("/", GetFaults);
        faults.MapPost("/", SetFaults);
        faults.MapDelete("/", ClearFaults);
        return endpoints;
    }

    public static IResult GetFaults(FaultInjector injector)
    {
        ArgumentNullException.ThrowIfNull(injector);
        return TypedResults.Ok(new { settings = injector.Settings, counters = injector.Counters });
    }

    public static IResult SetFaults(FaultSettings settings, FaultInjector injector)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(injector);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true))
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(
                problem => problem.MemberNames.FirstOrDefault() ?? "",
                problem => new[] { problem.ErrorMessage ?? "invalid" }));
        }

        injector.Apply(settings);
        return TypedResults.Ok(new { settings = injector.Settings, counters = injector.Counters });
    }

    public static IResult ClearFaults(FaultInjector injector)
    {
        ArgumentNullException.ThrowIfNull(injector);
        injector.Apply(FaultSettings.None);
        return TypedResults.NoContent();
    }
}
