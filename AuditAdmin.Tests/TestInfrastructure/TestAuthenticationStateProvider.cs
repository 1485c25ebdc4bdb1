using System.Security.Claims;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>A fixed signed-in user for components that read the authentication state (bUnit).</summary>
public sealed class TestAuthenticationStateProvider(string userName, bool admin = true, string? timeZone = "UTC") : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "user-" + userName),
            new(ClaimTypes.Name, userName),
        };
        if (admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, Roles.Admin));
        }
        if (timeZone is not null)
        {
            claims.Add(new Claim(AuditAdminClaims.TimeZone, timeZone));
        }
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"))));
    }
}
