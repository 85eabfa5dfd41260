// One Api, one database and one Redis for the assembly; tests share engine:state and the streams, so they run one at a time (xunit.runner.json).
[assembly: AssemblyFixture(typeof(BreakoutBot.Api.Tests.ApiFixture))]
