using System.Security.Claims;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>Puts the user's language and time zone into the sign-in cookie, so each request knows them without a query.</summary>
internal sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AuditAdminClaims.Language, user.Language));
        if (user.TimeZone is { } zone)
        {
            identity.AddClaim(new Claim(AuditAdminClaims.TimeZone, zone));
        }
        return identity;
    }
}
