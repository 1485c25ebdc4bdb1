using System.Security.Claims;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// The user, as the database holds them now, is active, still has the security stamp the session was issued with
/// (a password reset, a role change or a deactivation renews it), and holds a role of the audience.
/// </summary>
public sealed record CurrentUserRequirement(Audience Audience) : IAuthorizationRequirement;

internal sealed class CurrentUserRequirementHandler(UserAccessReader reader, IOptions<IdentityOptions> identity)
    : AuthorizationHandler<CurrentUserRequirement>
{
    private static readonly object CacheKey = new();

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentUserRequirement requirement)
    {
        var access = await FindAsync(context);
        if (access is null || !access.IsActive)
        {
            return;
        }
        var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is not null && stamp != access.SecurityStamp)
        {
            return;
        }
        var allowed = requirement.Audience switch
        {
            Audience.Admins => access.IsAdmin,
            Audience.AuditReaders => access.IsAuditReader,
            _ => true,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>One query per request however many policies it evaluates (the HTTP context is the resource for endpoints).</summary>
    private async Task<UserAccess?> FindAsync(AuthorizationHandlerContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var http = context.Resource as HttpContext;
        if (http?.Items[CacheKey] is UserAccess cached && cached.UserId == userId)
        {
            return cached;
        }
        var access = await reader.FindAsync(userId, http?.RequestAborted ?? CancellationToken.None);
        if (http is not null && access is not null)
        {
            http.Items[CacheKey] = access;
        }
        return access;
    }
}
