namespace BreakoutBot.Web.Identity;

/// <summary>Why a sign-in through the OpenID Connect provider was refused; the sign-in page words it.</summary>
public enum SingleSignOnRefusal
{
    /// <summary>The provider's answer was missing or had expired.</summary>
    Expired,

    /// <summary>The provider grants the person no console role.</summary>
    NoRole,

    /// <summary>A local console user has the name the provider gives, and is not linked to the provider.</summary>
    NameTaken,

    /// <summary>The person's console user is locked out.</summary>
    LockedOut,

    /// <summary>The person's console user may not sign in (or could not be created).</summary>
    NotAllowed,
}
