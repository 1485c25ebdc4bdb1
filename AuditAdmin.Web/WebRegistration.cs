using AuditAdmin.Core.Data;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components;
using AuditAdmin.Web.Endpoints;
using AuditAdmin.Web.Infrastructure;
using AuditAdmin.Web.Infrastructure.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using MudBlazor.Services;

namespace AuditAdmin.Web;

public static class WebRegistration
{
    /// <summary>UI, identity, authentication, localisation, API plumbing.</summary>
    public static IHostApplicationBuilder AddAuditAdminWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudLocalizer, ResXMudLocalizer>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ClientConnection>();
        services.AddSingleton<AuditAdmin.Web.Components.Layout.Notifications.NotificationActions>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();

        // The users, roles and their stores come with Core (AddIdentityFeature); the browser adds sign-in on top.
        new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(Policies.ApiScheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = context =>
                AccessTokenAuthenticationHandler.BearerToken(context.Request) is not null
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "AuditAdmin.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Secure whenever the request came over HTTPS (directly or, through a trusted proxy, as X-Forwarded-Proto says).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        var reverseProxy = ReverseProxyOptions.Read(builder.Configuration);
        if (reverseProxy.IsConfigured)
        {
            reverseProxy.Apply(new ForwardedHeadersOptions()); // a typo in an address stops the start, not the first request
            services.Configure<ForwardedHeadersOptions>(reverseProxy.Apply);
        }
        services.AddUserManagement();
        services.AddSignInProtection();
        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, CurrentUserRequirementHandler>();
        services.AddScoped<SessionAccess>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(SupportedCultures.Default)
                .AddSupportedCultures([.. SupportedCultures.All])
                .AddSupportedUICultures([.. SupportedCultures.All]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new UserPreferenceCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi();
        services.AddHttpLogging(o =>
        {
            // Method, path, status and duration only: no headers, query strings or bodies (tokens live there).
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }

    public static WebApplication UseAuditAdminWeb(this WebApplication app)
    {
        if (ReverseProxyOptions.Read(app.Configuration).IsConfigured)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseHttpLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // API clients get the envelope, never the HTML "not found" page.
            if (ApiResults.IsEnvelopePath(context.Request.Path))
            {
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            }
            return next(context);
        });
        // An error status that nobody explained (no such path, a wrong method...) still gets the envelope.
        app.UseWhen(context => ApiResults.IsEnvelopePath(context.Request.Path), api => api.UseStatusCodePages(async pages =>
        {
            var status = pages.HttpContext.Response.StatusCode;
            await ApiResults.WriteAsync(pages.HttpContext, status, ApiResults.CodeFor(status),
                ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Error");
        }));
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseRequestLocalization();
        app.UseMiddleware<CrossSiteRequestProtection>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();
        app.MapActivityEndpoints();
        app.MapExportEndpoints();
        app.MapSigningCertificateEndpoints();
        app.MapNotificationEndpoints();
        app.MapDownloadEndpoints();
        return app;
    }
}
