using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Identity;

public static class IdentityFeature
{
    public static IHostApplicationBuilder AddIdentityFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccessTokenService>();
        // Needs Identity's UserManager and RoleManager, which the web host registers.
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }
}
