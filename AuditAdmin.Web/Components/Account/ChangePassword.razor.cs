using System.ComponentModel.DataAnnotations;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Web.Components.Account;

/// <summary>The signed-in user replaces their password; required before anything else when it was generated.</summary>
public sealed partial class ChangePassword
{
    private string? _error;

    [Inject]
    private UserAdministration Admin { get; set; } = default!;

    [Inject]
    private UserManager<AppUser> Users { get; set; } = default!;

    [Inject]
    private SignInManager<AppUser> SignIn { get; set; } = default!;

    [Inject]
    private UserAdminMessages Messages { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private ChangePasswordInput Input { get; set; } = default!;

    private bool Required => HttpContext.User.HasClaim(c => c.Type == AuditAdminClaims.MustChangePassword);

    protected override void OnInitialized() => Input ??= new();

    private async Task ChangeAsync()
    {
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            _error = L["ChangePassword_Mismatch"];
            return;
        }
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            _error = L["Login_Failed"];
            return;
        }
        var actor = new UserAdminActor(user.Id, user.UserName, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.Request.Path);
        var result = await Admin.ChangeOwnPasswordAsync(user.Id, Input.CurrentPassword, Input.NewPassword, actor, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            _error = Messages.Describe(result);
            return;
        }
        // The change renewed the security stamp: a fresh cookie keeps this session, without the obligation claim.
        await SignIn.RefreshSignInAsync(await Users.FindByIdAsync(user.Id) ?? user);
        Navigation.NavigateTo("/", forceLoad: true);
    }

    private sealed class ChangePasswordInput
    {
        [Required, StringLength(256)]
        public string CurrentPassword { get; set; } = "";

        [Required, StringLength(256)]
        public string NewPassword { get; set; } = "";

        [Required, StringLength(256)]
        public string ConfirmPassword { get; set; } = "";
    }
}
