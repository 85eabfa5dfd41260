// One PostgreSQL server for the assembly (each test gets its own database); Redis and the simulator are per test.
[assembly: AssemblyFixture(typeof(BreakoutBot.Testing.LocalPostgresServer))]

// The integration tests start real servers; on a small machine they are steadier one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

// Executor logs (console logger) show up in a failing test's output.
[assembly: CaptureConsole]
