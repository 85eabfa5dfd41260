// One PostgreSQL server for the assembly; each test gets its own database.
[assembly: AssemblyFixture(typeof(BreakoutBot.Testing.LocalPostgresServer))]
