using System.Globalization;
using System.Security.Claims;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// The signed-in user as components need them: id, name, role, time zone. The role is what the session was issued
/// with: fine for what to show, never for what to allow (services re-check the database, see UserAccessReader).
/// </summary>
public sealed record CurrentUserInfo(string? Id, string? UserName, UserRole Role, TimeZoneInfo TimeZone)
{
    public bool IsAuthenticated => Id is not null;

    public bool IsAdmin => Role == UserRole.Admin;

    public bool IsAuditReader => Role is UserRole.Admin or UserRole.Auditor;

    /// <summary>A UTC instant in the user's zone and the current UI culture.</summary>
    public string FormatDate(DateTime utc) => UserTime.Format(utc, TimeZone, CultureInfo.CurrentCulture);

    public static CurrentUserInfo From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name,
        user.IsInRole(Roles.Admin) ? UserRole.Admin : user.IsInRole(Roles.Auditor) ? UserRole.Auditor : UserRole.User,
        UserTime.FindZone(user.FindFirstValue(AuditAdminClaims.TimeZone)));
}

/// <summary>Scoped (per circuit) access to <see cref="CurrentUserInfo"/>.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider)
{
    public async Task<CurrentUserInfo> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return CurrentUserInfo.From(state.User);
    }
}
