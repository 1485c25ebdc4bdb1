using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>Who an API endpoint or page is for, checked against the database on every authorization.</summary>
public enum Audience
{
    /// <summary>Any active, signed-in user.</summary>
    AnyUser,

    /// <summary>Admins and auditors: the audit log, exports, downloads.</summary>
    AuditReaders,

    /// <summary>Admins only: users, tokens of others, settings, ingestion.</summary>
    Admins,
}

/// <summary>
/// Authorization policy names. Every policy, the default one included, re-reads the user from the database
/// (<see cref="CurrentUserRequirement"/>): a revoked role, a deactivation or a renewed security stamp bites on the
/// next request or the next page the circuit authorizes, whatever the cookie or the circuit still holds.
/// </summary>
public static class Policies
{
    /// <summary>Users, settings.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>The audit log and its exports: admins and auditors.</summary>
    public const string AuditReader = nameof(AuditReader);

    /// <summary>Authentication scheme of the HTTP API: bearer token when given, otherwise the cookie.</summary>
    public const string ApiScheme = "Api";

    public static string Scope(string scope, Audience audience) => $"scope:{scope}:{audience}";

    public static void Configure(AuthorizationOptions options)
    {
        options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new CurrentUserRequirement(Audience.AnyUser)).Build();
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentUserRequirement(Audience.Admins)));
        options.AddPolicy(AuditReader, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentUserRequirement(Audience.AuditReaders)));
        foreach (var scope in Scopes.All)
        {
            foreach (var audience in Enum.GetValues<Audience>())
            {
                options.AddPolicy(Scope(scope, audience), p =>
                {
                    p.AddAuthenticationSchemes(ApiScheme);
                    p.RequireAuthenticatedUser();
                    p.AddRequirements(new ScopeRequirement(scope), new CurrentUserRequirement(audience));
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
    /// Requires the scope (for tokens) and the audience's role as the database holds it now; documents the 401 and
    /// 403 envelopes that <see cref="ApiAuthorizationResultHandler"/> writes.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope, Audience audience)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Scope(scope, audience))
            .ProducesApiError(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
