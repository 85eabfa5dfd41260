namespace BreakoutBot.Web.Identity;

/// <summary>Who is using the console in this circuit or request; null when nobody is signed in.</summary>
public interface IConsolePeople
{
    Task<ConsolePerson?> CurrentAsync();
}
