using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace AuditAdmin.Web.Endpoints;

internal static class CultureEndpoints
{
    /// <summary>Switches the UI language: culture cookie for everyone, saved preference for a signed-in user.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", async (string? culture, string? returnUrl, HttpContext context,
            UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, IActivityRecorder recorder) =>
        {
            var normalized = SupportedCultures.Normalize(culture);
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            if (normalized is null)
            {
                return Results.LocalRedirect(target);
            }
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(normalized)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

            var user = await userManager.GetUserAsync(context.User);
            if (user is not null && user.Language != normalized)
            {
                user.Language = normalized;
                var updated = await userManager.UpdateAsync(user);
                // Re-issue the cookie so its language claim (the first culture source) follows at once.
                await signInManager.RefreshSignInAsync(user);
                if (updated.Succeeded)
                {
                    await recorder.RecordAsync(new ActivityEntry(SupportedActions.UserPersonalSettingsUpdate)
                    {
                        UserId = user.Id,
                        Username = user.UserName,
                        TargetModel = "User",
                        Target = user.Id,
                        Ip = context.Connection.RemoteIpAddress?.ToString(),
                        Endpoint = context.Request.Path,
                    });
                }
            }
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
