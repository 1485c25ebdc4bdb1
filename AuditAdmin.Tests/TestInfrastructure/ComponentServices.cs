using System.Security.Claims;
using AuditAdmin.Core;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Layout.Notifications;
using AuditAdmin.Web.Infrastructure;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// The application's real Core services (AddAuditAdminCore) over a test database, for components under bUnit.
/// Hosted services (migration, Quartz) are left out: the database is already migrated and no job runs.
/// </summary>
public static class ComponentServices
{
    public static void AddAuditAdminServices(this BunitContext ctx, SqliteTestDatabase database,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppPaths.ConfigKey] = database.Directory,
            ["ConnectionStrings:Default"] = database.ConnectionString,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddAuditAdminCore();
        foreach (var descriptor in builder.Services.Where(d => d.ServiceType != typeof(IHostedService)))
        {
            ctx.Services.Add(descriptor);
        }
        ctx.Services.AddSingleton<IConfiguration>(builder.Configuration);
        ctx.Services.AddScoped<CurrentUser>();
        ctx.Services.AddScoped<ClientConnection>();
        ctx.Services.AddScoped<SessionAccess>();
        ctx.Services.AddSingleton<NotificationActions>();
    }

    /// <summary>Signs the component tree in as the user (id, name, zone, and the admin role when asked).</summary>
    public static void SignIn(this BunitContext ctx, string userId, string userName, bool admin = false, string timeZone = "UTC")
    {
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(userName);
        if (admin)
        {
            auth.SetRoles(Roles.Admin);
        }
        // After the roles: bUnit rebuilds the principal on SetRoles and drops claims set before.
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(AuditAdminClaims.TimeZone, timeZone));
    }
}
