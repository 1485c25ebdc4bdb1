using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace AuditAdmin.Web.Endpoints;

internal static class CultureEndpoints
{
    public const string Path = "/culture/set";

    /// <summary>
    /// Switches the UI language: culture cookie for everyone, saved preference for a signed-in user. A form post with
    /// the antiforgery token (UseAntiforgery checks it), never a GET: it changes state.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, SetAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithName("SetCulture")
            .WithSummary("Sets the UI language (cookie, and the signed-in user's preference), then goes back to returnUrl.")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, BadRequest>> SetAsync(HttpContext context,
        UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, IActivityRecorder recorder)
    {
        // The form is read here, not bound: binding would read it before the token's verdict could be checked, and
        // reading a form whose token failed throws (a 500 instead of a 400).
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !context.Request.HasFormContentType)
        {
            // Not the HTML status page: it would be rendered by re-executing this POST, which reads the refused form again.
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            return TypedResults.BadRequest();
        }
        var form = await context.Request.ReadFormAsync();
        var normalized = SupportedCultures.Normalize(form["culture"]);
        string? returnUrl = form["returnUrl"];
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (normalized is null)
        {
            return TypedResults.LocalRedirect(target);
        }
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(normalized)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true,
                Secure = context.Request.IsHttps });

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
        return TypedResults.LocalRedirect(target);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
