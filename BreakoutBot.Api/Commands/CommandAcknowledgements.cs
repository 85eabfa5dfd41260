using System.Collections.Concurrent;
using BreakoutBot.Messaging.Messages;

namespace BreakoutBot.Api.Commands;

/// <summary>
/// Commands waiting for the Executor's <see cref="CommandAcknowledged"/>. The events worker hands every
/// acknowledgement it reads from <c>trading-events</c> to <see cref="Complete"/>; each Api instance reads the whole
/// stream, so whichever instance sent a command sees its answer.
/// </summary>
public sealed class CommandAcknowledgements
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CommandAcknowledged>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Registers interest before the command is published, so a fast answer cannot be missed.</summary>
    public Task<CommandAcknowledged> Expect(string commandId)
    {
        var source = new TaskCompletionSource<CommandAcknowledged>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _waiting.TryAdd(commandId, source)
            ? source.Task
            : throw new InvalidOperationException($"command {commandId} is already awaited");
    }

    public void Forget(string commandId) => _waiting.TryRemove(commandId, out _);

    public bool Complete(CommandAcknowledged acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        return _waiting.TryRemove(acknowledgement.CommandId, out var source) && source.TrySetResult(acknowledgement);
    }
}
