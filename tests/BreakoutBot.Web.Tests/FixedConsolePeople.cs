using BreakoutBot.Web.Identity;

namespace BreakoutBot.Web.Tests;

/// <summary>The signed-in person a console test runs as; <see cref="Person"/> may change during a test.</summary>
public sealed class FixedConsolePeople(ConsolePerson? person) : IConsolePeople
{
    public ConsolePerson? Person { get; set; } = person;

    public Task<ConsolePerson?> CurrentAsync() => Task.FromResult(Person);
}
