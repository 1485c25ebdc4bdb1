using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Web.Components.Account;

/// <summary>The sign-in form (static rendering: signing in needs the HTTP response).</summary>
public sealed partial class Login
{
    private string? _error;

    [Inject]
    private SignInThrottle Throttle { get; set; } = default!;

    [Inject]
    private DecoyPassword Decoy { get; set; } = default!;

    [Inject]
    private UnknownUsernameFailures UnknownNames { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        }
    }

    private async Task SignInAsync()
    {
        if (!Throttle.TryAdmit(HttpContext.Connection.RemoteIpAddress, Input.UserName))
        {
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(Throttle.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            _error = L["Login_TooManyAttempts"];
            return;
        }
        var user = await UserManager.FindByNameAsync(Input.UserName) ?? await UserManager.FindByEmailAsync(Input.UserName);
        if (user is null)
        {
            Decoy.Verify(UserManager.PasswordHasher, Input.Password);
            await UnknownNames.RecordAsync(Input.UserName, Ip, HttpContext.Request.Path);
            _error = L["Login_Failed"];
            return;
        }
        if (!user.IsActive || await UserManager.IsLockedOutAsync(user))
        {
            // No password check would follow: spend the same work as one, so the timing does not tell the account exists.
            Decoy.Verify(UserManager.PasswordHasher, Input.Password);
        }
        if (!user.IsActive)
        {
            await RecordAsync(SupportedActions.UserLoginFailure, user, user.UserName);
            _error = L["Login_Failed"];
            return;
        }

        var result = await SignInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await RecordAsync(SupportedActions.UserLoginFailure, user, user.UserName);
            _error = result.IsLockedOut ? L["Login_LockedOut"] : L["Login_Failed"];
            return;
        }

        if (user.TimeZone is null && UserTime.TryNormalizeIanaId(Input.TimeZone, out var zone))
        {
            // First sign-in: adopt the browser's zone until the user chooses another. The cookie issued above
            // lacks it, and this request is not authenticated yet (no refresh possible): issue the cookie again.
            user.TimeZone = zone;
            await UserManager.UpdateAsync(user);
            await SignInManager.SignInAsync(user, Input.RememberMe);
        }
        await RecordAsync(SupportedActions.UserLoginWithLocal, user, user.UserName);
        Logger.LogInformation("User {UserId} signed in", user.Id);
        Navigation.NavigateTo(LocalReturnUrl(ReturnUrl), forceLoad: true);
    }

    private Task RecordAsync(string action, AppUser? user, string? username) =>
        Recorder.RecordAsync(new ActivityEntry(action)
        {
            UserId = user?.Id,
            Username = username,
            Ip = Ip,
            Endpoint = HttpContext.Request.Path,
        });

    private string? Ip => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>The framework's local-URL check (it also refuses control characters, which browsers drop: "/\t/evil").</summary>
    internal static string LocalReturnUrl(string? url) =>
        !RedirectHttpResult.IsLocalUrl(url) ? "/" : url!.StartsWith("~/", StringComparison.Ordinal) ? url[1..] : url;

    private sealed class LoginInput
    {
        [Required, StringLength(256)]
        public string UserName { get; set; } = "";

        [Required, StringLength(256)]
        public string Password { get; set; } = "";

        [StringLength(64)]
        public string? TimeZone { get; set; }

        public bool RememberMe { get; set; }
    }
}
