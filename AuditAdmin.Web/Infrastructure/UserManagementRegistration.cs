using AuditAdmin.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Web.Infrastructure;

public static class UserManagementRegistration
{
    /// <summary>Session revalidation, the first-run admin and the Users page's helpers.</summary>
    public static IServiceCollection AddUserManagement(this IServiceCollection services)
    {
        // Each minute a session re-reads its user: roles, language and zone follow changes, and a renewed security
        // stamp (deactivation, password reset) ends the session.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        // A hosted service registered after the migration one (AddAuditAdminCore runs first): it needs the tables.
        services.AddSingleton<AdminBootstrapper>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminBootstrapper>());

        services.AddScoped<UserAdminMessages>();
        return services;
    }
}
