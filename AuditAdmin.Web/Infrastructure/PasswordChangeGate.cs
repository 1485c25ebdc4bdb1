using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// A session whose password must be replaced (the first-run admin's generated one, which sat in the log) reaches
/// only the change-password page, sign-out, the language switch and static files; the API answers 403
/// <c>password_change_required</c>. The obligation travels in the cookie and the change re-issues it without.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    private static readonly PathString[] Open = [ChangePasswordPath, "/Account/Logout", "/culture/set", "/_framework", "/_content", "/_blazor"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.HasClaim(c => c.Type == AuditAdminClaims.MustChangePassword))
        {
            return next(context);
        }
        // The API and downloads first: no path under them is exempt, whatever it looks like.
        if (ApiResults.IsEnvelopePath(context.Request.Path))
        {
            return ApiResults.WriteAsync(context, StatusCodes.Status403Forbidden, ApiErrorCodes.PasswordChangeRequired,
                $"Change the generated password first, at {ChangePasswordPath}.");
        }
        if (IsOpen(context.Request.Path))
        {
            return next(context);
        }
        context.Response.Redirect(ChangePasswordPath);
        return Task.CompletedTask;
    }

    private static bool IsOpen(PathString path) =>
        Path.HasExtension(path.Value) || Open.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
}
