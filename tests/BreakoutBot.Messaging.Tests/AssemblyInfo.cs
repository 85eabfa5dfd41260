[assembly: AssemblyFixture(typeof(BreakoutBot.Testing.LocalRedisServer))]
