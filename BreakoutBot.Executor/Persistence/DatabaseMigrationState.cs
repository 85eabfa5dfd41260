namespace BreakoutBot.Executor.Persistence;

/// <summary>Whether the schema migration step has finished; read by the readiness check.</summary>
public sealed class DatabaseMigrationState
{
    private volatile bool _completed;

    public bool Completed => _completed;

    public void MarkCompleted() => _completed = true;
}
