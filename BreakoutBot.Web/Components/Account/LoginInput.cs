using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Web.Components.Account;

/// <summary>The sign-in form's fields.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    [StringLength(256, ErrorMessage = "A user name has at most 256 characters.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(512, ErrorMessage = "A password has at most 512 characters.")]
    public string Password { get; set; } = "";
}
