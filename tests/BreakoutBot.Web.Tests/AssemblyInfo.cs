// One PostgreSQL server for the assembly (the console users' tests); each such test gets its own database.
[assembly: AssemblyFixture(typeof(BreakoutBot.Testing.LocalPostgresServer))]
