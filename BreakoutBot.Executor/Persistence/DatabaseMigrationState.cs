namespace BreakoutBot.Executor.Persistence;

/// <summary>Whether the database schema is current (the db-migrator has run), and if not, why; read by the readiness check.</summary>
public sealed class DatabaseMigrationState
{
    private volatile bool _completed;
    private volatile string _waitingFor = "the schema has not been checked yet";

    public bool Completed => _completed;

    /// <summary>What the Executor is waiting for while <see cref="Completed"/> is false.</summary>
    public string WaitingFor => _waitingFor;

    public void Wait(string reason) => _waitingFor = reason;

    public void MarkCompleted() => _completed = true;
}
