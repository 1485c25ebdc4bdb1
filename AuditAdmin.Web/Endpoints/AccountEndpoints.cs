using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Web.Endpoints;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token, never a GET. Without form binding UseAntiforgery only validates
        // (because of the metadata below) and notes the result: refusing is up to the handler.
        app.MapPost("/Account/Logout", async (HttpContext context, SignInManager<AppUser> signInManager,
            UserManager<AppUser> userManager, IActivityRecorder recorder) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // The status page would re-execute a form page, which refuses a request with a bad token.
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                return Results.BadRequest();
            }
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
            return Results.LocalRedirect("~/Account/Login");
        })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithName("SignOut")
            .WithSummary("Signs the browser out (a form post with the antiforgery token).")
            .ExcludeFromDescription();
        return app;
    }
}
