using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Web.Endpoints;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token (UseAntiforgery validates it), never a GET.
        app.MapPost("/Account/Logout", async (HttpContext context, SignInManager<AppUser> signInManager,
            UserManager<AppUser> userManager, IActivityRecorder recorder) =>
        {
            var user = await userManager.GetUserAsync(context.User);
            await signInManager.SignOutAsync();
            if (user is not null)
            {
                await recorder.RecordAsync(new ActivityEntry(SupportedActions.UserLogout)
                {
                    UserId = user.Id,
                    Username = user.UserName,
                    Ip = context.Connection.RemoteIpAddress?.ToString(),
                    Endpoint = context.Request.Path,
                });
            }
            return TypedResults.LocalRedirect("~/Account/Login");
        })
            .WithName("SignOut")
            .WithSummary("Signs the browser out (a form post with the antiforgery token).")
            .ExcludeFromDescription();
        return app;
    }
}
