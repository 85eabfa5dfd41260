using BreakoutBot.Api.Commands;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Presets;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Commands;
using BreakoutBot.Contracts.Engine;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Engine;

/// <summary><c>/api/engine</c>: status and the operator's commands (sent to the Executor, answered by its acknowledgement).</summary>
public static class EngineApi
{
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/engine").WithTags("Engine");
        group.MapGet("/status", GetStatus).WithName("GetEngineStatus").RequireReader();
        group.MapPost("/start", Start).WithName("StartEngine").RequireOperator();
        group.MapPost("/pause", Pause).WithName("PauseEngine").RequireOperator();
        group.MapPost("/resume", Resume).WithName("ResumeEngine").RequireOperator();
        group.MapPost("/stop", Stop).WithName("StopEngine").RequireOperator();
        group.MapPost("/kill", Kill).WithName("KillEngine").RequireOperatorUnlimited();
        group.MapPost("/reset-kill-switch", ResetKillSwitch).WithName("ResetKillSwitch").RequireOperator();
        return endpoints;
    }

    public static async Task<Ok<EngineStatus>> GetStatus(EngineStatusReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return TypedResults.Ok(await reader.ReadAsync(cancellationToken));
    }

    public static async Task<Results<Accepted<CommandResult>, ProblemHttpResult, ValidationProblem>> Start(
        StartEngineRequest request,
        HttpContext context,
        PresetStore presets,
        IOptions<TradingOptions> trading,
        EngineCommandSender sender,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presets);
        ArgumentNullException.ThrowIfNull(trading);
        ArgumentNullException.ThrowIfNull(sender);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!PresetsNaming.IsValidName(request.Preset))
        {
            errors["$.preset"] = [PresetsNaming.NameRule];
        }
        else if (request.PresetVersion is < 1)
        {
            errors["$.presetVersion"] = ["must be 1 or more"];
        }
        else if (await presets.FindAsync(request.Preset, request.PresetVersion, cancellationToken) is null)
        {
            errors[request.PresetVersion is null ? "$.preset" : "$.presetVersion"] = [request.PresetVersion is null
                ? $"preset '{request.Preset}' does not exist"
                : $"preset '{request.Preset}' has no version {request.PresetVersion}"];
        }

        var deployed = trading.Value.ParsedMode;
        if (!TradingModeNames.TryParse(request.Mode, out var mode))
        {
            errors["$.mode"] = [$"must be one of: {string.Join(", ", TradingModeNames.All)}"];
        }
        else if (mode != deployed)
        {
            errors["$.mode"] = [$"this deployment trades in '{TradingModeNames.ToName(deployed)}' mode (Trading:Mode); start with that mode"];
        }
        else if (mode == TradingMode.Live && !string.Equals(request.ConfirmLive, StartEngineRequest.LiveConfirmation, StringComparison.Ordinal))
        {
            errors["$.confirmLive"] = [$"live trading needs the exact confirmation '{StartEngineRequest.LiveConfirmation}'"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (mode is not (TradingMode.Sim or TradingMode.Paper) && !context.User.IsInRole(ApiKeyDefaults.RoleName(ApiRole.Admin)))
        {
            return Problems.Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden",
                $"starting the engine on a real venue ('{TradingModeNames.ToName(mode)}') needs an admin key; '{context.CallerName()}' is not one");
        }

        return Widen(await sender.SendAsync(
            EngineCommandKind.Start,
            context,
            command => command with { PresetName = request.Preset, PresetVersion = request.PresetVersion, Mode = TradingModeNames.ToName(mode), VenueConfirmed = true },
            cancellationToken));
    }

    public static Task<Results<Accepted<CommandResult>, ProblemHttpResult>> Pause(HttpContext context, EngineCommandSender sender, CancellationToken cancellationToken) =>
        Send(EngineCommandKind.Pause, context, sender, null, cancellationToken);

    public static Task<Results<Accepted<CommandResult>, ProblemHttpResult>> Resume(HttpContext context, EngineCommandSender sender, CancellationToken cancellationToken) =>
        Send(EngineCommandKind.Resume, context, sender, null, cancellationToken);

    public static Task<Results<Accepted<CommandResult>, ProblemHttpResult>> Stop(HttpContext context, EngineCommandSender sender, CancellationToken cancellationToken) =>
        Send(EngineCommandKind.Stop, context, sender, null, cancellationToken);

    public static Task<Results<Accepted<CommandResult>, ProblemHttpResult>> Kill(
        KillEngineRequest request, HttpContext context, EngineCommandSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send(EngineCommandKind.Kill, context, sender, command => command with { Flatten = request.Flatten }, cancellationToken);
    }

    public static Task<Results<Accepted<CommandResult>, ProblemHttpResult>> ResetKillSwitch(HttpContext context, EngineCommandSender sender, CancellationToken cancellationToken) =>
        Send(EngineCommandKind.ResetKillSwitch, context, sender, null, cancellationToken);

    private static Task<Results<Accepted<CommandResult>, ProblemHttpResult>> Send(
        EngineCommandKind kind, HttpContext context, EngineCommandSender sender, Func<EngineCommand, EngineCommand>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sender);
        return sender.SendAsync(kind, context, configure, cancellationToken);
    }

    private static Results<Accepted<CommandResult>, ProblemHttpResult, ValidationProblem> Widen(Results<Accepted<CommandResult>, ProblemHttpResult> result) =>
        result.Result switch
        {
            Accepted<CommandResult> accepted => accepted,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unexpected command result"),
        };
}
