namespace BreakoutBot.Contracts;

/// <summary>
/// Headers with which the console names the signed-in person on each Api request it makes with its own key. The Api
/// believes them only from a key configured to act for people (<c>Api:DelegatingKeys</c>), never grants more than
/// that key's role, and records the person and address in the audit log.
/// </summary>
public static class OnBehalfOfHeaders
{
    /// <summary>The person's user name.</summary>
    public const string User = "X-On-Behalf-Of";

    /// <summary>The person's console role: viewer, operator or admin.</summary>
    public const string Role = "X-On-Behalf-Of-Role";

    /// <summary>The address the person's browser connected to the console from.</summary>
    public const string Address = "X-On-Behalf-Of-Address";
}
