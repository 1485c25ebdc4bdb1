using System.Security.Claims;
using System.Text.Encodings.Web;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>Authenticates "Authorization: Bearer &lt;token&gt;" against the stored token hashes.</summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenService tokens,
    UserManager<AppUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        var validated = await tokens.ValidateAsync(token, Context.RequestAborted);
        if (validated is null)
        {
            return AuthenticateResult.Fail("Invalid, expired or revoked access token.");
        }
        await tokens.MarkUsedAsync(validated, Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, validated.User.Id),
            new(ClaimTypes.Name, validated.User.UserName ?? ""),
            new(AuditAdminClaims.AuthMethod, AuditAdminClaims.AccessTokenMethod),
            new(AuditAdminClaims.Language, validated.User.Language),
        };
        if (validated.User.TimeZone is { } zone)
        {
            claims.Add(new Claim(AuditAdminClaims.TimeZone, zone));
        }
        claims.AddRange(validated.Scopes.Select(s => new Claim(AuditAdminClaims.Scope, s)));
        claims.AddRange((await users.GetRolesAsync(validated.User)).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
