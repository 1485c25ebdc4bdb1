using System.Security.Claims;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// Ends a circuit's session when the user is deactivated or their security stamp changes (a role change, a password
/// reset), each minute and at once when <see cref="RevalidateNowAsync"/> is called (a service refused an action).
/// </summary>
internal sealed class RevalidatingUserStateProvider(
    ILoggerFactory loggerFactory, UserAccessReader reader, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    /// <summary>
    /// Re-checks the session now. A session that is no longer valid becomes anonymous (the router sends it to the
    /// sign-in page); a valid one is published again, so every authorization on the page is evaluated afresh
    /// against the database (a lost role shows "access denied").
    /// </summary>
    public async Task RevalidateNowAsync(CancellationToken cancellationToken)
    {
        var state = await GetAuthenticationStateAsync();
        var valid = await ValidateAuthenticationStateAsync(state, cancellationToken);
        SetAuthenticationState(Task.FromResult(valid ? new AuthenticationState(state.User) : new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var access = await reader.FindAsync(authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (access is null || !access.IsActive)
        {
            return false;
        }
        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp is null || principalStamp == access.SecurityStamp;
    }
}

/// <summary>
/// What a component calls when a Core service refused an action because its user lost the right to it: the session
/// is re-evaluated at once instead of at the next periodic check.
/// </summary>
public sealed class SessionAccess(AuthenticationStateProvider provider)
{
    public Task RecheckAsync() =>
        provider is RevalidatingUserStateProvider revalidating ? revalidating.RevalidateNowAsync(CancellationToken.None) : Task.CompletedTask;
}
