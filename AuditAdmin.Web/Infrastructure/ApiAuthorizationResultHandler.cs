using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>On /_api, answers 401/403 with the error envelope instead of redirecting to the sign-in page.</summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (ApiResults.IsEnvelopePath(context.Request.Path))
        {
            if (authorizeResult.Challenged)
            {
                return ApiResults.WriteAsync(context, StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized,
                    "Authentication required: sign in or send a valid access token");
            }
            if (authorizeResult.Forbidden)
            {
                return ApiResults.WriteAsync(context, StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden,
                    "This action requires an administrator and a token with the required scope");
            }
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
