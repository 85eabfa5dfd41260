using BreakoutBot.Contracts;
using BreakoutBot.Web.Identity;

namespace BreakoutBot.Web.ApiClients;

/// <summary>Names the signed-in person on a request to the Api (<see cref="OnBehalfOfHeaders"/>).</summary>
internal static class ConsoleHeaders
{
    public static void Name(HttpRequestMessage request, ConsolePerson person)
    {
        request.Headers.Remove(OnBehalfOfHeaders.User);
        request.Headers.Remove(OnBehalfOfHeaders.Role);
        request.Headers.Remove(OnBehalfOfHeaders.Address);
        request.Headers.TryAddWithoutValidation(OnBehalfOfHeaders.User, Uri.EscapeDataString(person.Name));
        request.Headers.TryAddWithoutValidation(OnBehalfOfHeaders.Role, person.Role);
        if (person.Address is { } address)
        {
            request.Headers.TryAddWithoutValidation(OnBehalfOfHeaders.Address, address);
        }
    }
}
