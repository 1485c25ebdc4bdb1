using System.Security.Claims;

namespace AuditAdmin.Web.Endpoints;

internal static class EndpointUser
{
    /// <summary>The authenticated caller's id (authorization has already required one).</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No authenticated user.");
}
