using System.Text.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Json;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Commands;
using BreakoutBot.Data;
using BreakoutBot.Data.Audit;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Commands;

/// <summary>
/// Sends an operator command to the Executor and waits, bounded by <see cref="ApiOptions.CommandTimeout"/>, for its
/// answer: 202 with the result when accepted, 409 with the Executor's reason when refused, 504 when no Executor
/// answered. Every command, whatever its outcome, leaves a row in the audit log.
/// </summary>
/// <remarks>
/// Contract with the Executor: it reads <see cref="EngineCommand"/> from the <c>commands</c> stream and publishes
/// exactly one <see cref="CommandAcknowledged"/> with the same <c>CommandId</c> on <c>trading-events</c>.
/// </remarks>
public sealed class EngineCommandSender(
    RedisStreamPublisher publisher,
    CommandAcknowledgements acknowledgements,
    TradingDbContext database,
    TimeProvider clock,
    IOptions<ApiOptions> options,
    ILogger<EngineCommandSender> logger)
{
    public const string AuditSource = "api";

    /// <summary>Sends <paramref name="kind"/> on behalf of <paramref name="caller"/> (its key's name and address go into the audit log).</summary>
    public async Task<Results<Accepted<CommandResult>, ProblemHttpResult>> SendAsync(
        EngineCommandKind kind, HttpContext caller, Func<EngineCommand, EngineCommand>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var issuedBy = caller.CallerName();
        var command = new EngineCommand(NewCommandId(), kind, clock.GetUtcNow(), issuedBy, IssuedFrom: caller.CallerAddress());
        command = configure?.Invoke(command) ?? command;
        var action = AuditAction(kind);
        var answer = acknowledgements.Expect(command.CommandId);
        CommandAcknowledged? acknowledgement = null;
        try
        {
            await publisher.PublishAsync(StreamNames.Commands, command, correlationId: command.CommandId);
            Log.CommandSent(logger, action, command.CommandId, issuedBy);
            acknowledgement = await answer.WaitAsync(options.Value.CommandTimeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.CommandTimedOut(logger, action, command.CommandId, options.Value.CommandTimeout.TotalSeconds);
        }
        finally
        {
            acknowledgements.Forget(command.CommandId);
        }

        if (acknowledgement is null)
        {
            await AuditAsync(command, action, "no answer: no executor acknowledged the command in time", CancellationToken.None);
            return Problems.Create(
                StatusCodes.Status504GatewayTimeout,
                ProblemTypes.ExecutorUnavailable,
                "No executor answered",
                $"The command was sent but no executor acknowledged it within {options.Value.CommandTimeout.TotalSeconds:0.#} s; it may still be applied.",
                new Dictionary<string, object?> { ["commandId"] = command.CommandId });
        }

        var outcome = acknowledgement.Accepted ? "accepted" : $"refused: {acknowledgement.Reason}";
        await AuditAsync(command, action, outcome, CancellationToken.None);
        if (!acknowledgement.Accepted)
        {
            return Problems.Create(
                StatusCodes.Status409Conflict,
                ProblemTypes.CommandRefused,
                "The engine refused the command",
                acknowledgement.Reason ?? "refused without a reason",
                new Dictionary<string, object?> { ["commandId"] = command.CommandId, ["engineState"] = acknowledgement.EngineState });
        }

        return TypedResults.Accepted(
            (string?)null,
            new CommandResult(command.CommandId, action, true, acknowledgement.Reason, acknowledgement.EngineState, acknowledgement.At));
    }

    /// <summary>Audit action names: <c>engine.start</c>, <c>engine.reset-kill-switch</c>, <c>position.close</c>, …</summary>
    public static string AuditAction(EngineCommandKind kind) => kind switch
    {
        EngineCommandKind.Start => "engine.start",
        EngineCommandKind.Pause => "engine.pause",
        EngineCommandKind.Resume => "engine.resume",
        EngineCommandKind.Stop => "engine.stop",
        EngineCommandKind.Kill => "engine.kill",
        EngineCommandKind.ResetKillSwitch => "engine.reset-kill-switch",
        EngineCommandKind.ClosePosition => "position.close",
        EngineCommandKind.MoveStopToBreakeven => "position.breakeven",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown command"),
    };

    private async Task AuditAsync(EngineCommand command, string action, string outcome, CancellationToken cancellationToken)
    {
        database.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = clock.GetUtcNow(),
            Source = AuditSource,
            Actor = command.IssuedBy,
            Action = action,
            Outcome = outcome.Length > 512 ? outcome[..512] : outcome,
            DetailsJson = JsonSerializer.Serialize(
                new
                {
                    command.CommandId, command.PresetName, command.PresetVersion, command.Mode, command.Flatten, command.PositionId, command.Percent, command.IssuedFrom,
                },
                ApiJson.Options),
            CorrelationId = command.CommandId,
        });
        await database.SaveChangesAsync(cancellationToken);
    }

    private static string NewCommandId() => "cmd-" + Guid.CreateVersion7().ToString("N");
}
