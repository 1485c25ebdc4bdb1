using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>Authorization policy names. Scope policies exist for every scope, with and without the admin role.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);

    /// <summary>Authentication scheme of the HTTP API: bearer token when given, otherwise the cookie.</summary>
    public const string ApiScheme = "Api";

    public static string Scope(string scope, bool adminOnly) => $"scope:{scope}{(adminOnly ? ":admin" : "")}";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        foreach (var scope in Scopes.All)
        {
            foreach (var adminOnly in new[] { true, false })
            {
                options.AddPolicy(Scope(scope, adminOnly), p =>
                {
                    p.AddAuthenticationSchemes(ApiScheme);
                    p.RequireAuthenticatedUser();
                    p.AddRequirements(new ScopeRequirement(scope));
                    if (adminOnly)
                    {
                        p.RequireRole(Roles.Admin);
                    }
                });
            }
        }
    }
}

/// <summary>A token must carry the scope; a cookie session is not limited by scopes (as in GROWI).</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var viaToken = context.User.HasClaim(AuditAdminClaims.AuthMethod, AuditAdminClaims.AccessTokenMethod);
        if (context.User.Identity?.IsAuthenticated == true &&
            (!viaToken || context.User.HasClaim(AuditAdminClaims.Scope, requirement.Scope)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class ApiAuthorizationExtensions
{
    /// <summary>
    /// Requires the scope (for tokens) and, unless <paramref name="adminOnly"/> is false, the Admin role; documents the
    /// 401 and 403 envelopes that <see cref="ApiAuthorizationResultHandler"/> writes.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope, bool adminOnly = true)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Scope(scope, adminOnly))
            .ProducesApiError(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
