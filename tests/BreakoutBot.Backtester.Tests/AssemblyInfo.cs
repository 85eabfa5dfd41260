// One PostgreSQL server for the assembly; each test gets its own database and data directory.
[assembly: AssemblyFixture(typeof(BreakoutBot.Testing.LocalPostgresServer))]
