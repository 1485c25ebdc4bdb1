using System.Globalization;
using System.Security.Claims;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>The signed-in user as components need them: id, name, role, time zone.</summary>
public sealed record CurrentUserInfo(string? Id, string? UserName, bool IsAdmin, TimeZoneInfo TimeZone)
{
    public bool IsAuthenticated => Id is not null;

    /// <summary>A UTC instant in the user's zone and the current UI culture.</summary>
    public string FormatDate(DateTime utc) => UserTime.Format(utc, TimeZone, CultureInfo.CurrentCulture);

    public static CurrentUserInfo From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name,
        user.IsInRole(Roles.Admin),
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
