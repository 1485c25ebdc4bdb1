using AuditAdmin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Identity;

public static class IdentityFeature
{
    /// <summary>Users and roles in the database, their rules, personal access tokens and user administration.</summary>
    public static IHostApplicationBuilder AddIdentityFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuditAdminDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.AddOptions<AccessTokenOptions>().BindConfiguration(AccessTokenOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AccessTokenService>();
        builder.Services.AddSingleton<UserAccessReader>();
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }
}
