using AuditAdmin.Core.Data;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>The application's real policies (which read the user from the database) for components under bUnit.</summary>
public static class ComponentAuthorization
{
    /// <summary>Policies, their handlers, the cascading authentication state and the user reader over the test database.</summary>
    public static IServiceCollection AddAppAuthorization(this IServiceCollection services, IDbContextFactory<AuditAdminDbContext> database)
    {
        // bUnit registers placeholders that refuse to authorize; the real services replace them.
        services.RemoveAll<IAuthorizationService>();
        services.RemoveAll<IAuthorizationPolicyProvider>();
        services.AddAuthorizationCore(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, CurrentUserRequirementHandler>();
        services.AddSingleton(new UserAccessReader(database));
        services.AddCascadingAuthenticationState();
        services.AddScoped<SessionAccess>();
        return services;
    }

    /// <summary>Adds a user with this id straight to the database (no password), holding the role.</summary>
    public static async Task AddUserAsync(this SqliteTestDatabase database, string id, string userName, UserRole role, bool active = true)
    {
        await using var db = database.CreateDbContext();
        db.Users.Add(new AppUser
        {
            Id = id,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = $"{userName}@example.test",
            NormalizedEmail = $"{userName}@example.test".ToUpperInvariant(),
            IsActive = active,
            CreatedAt = DateTime.UtcNow,
        });
        if (role.RoleName() is { } name)
        {
            var roleId = await db.Roles.Where(r => r.Name == name).Select(r => r.Id).FirstOrDefaultAsync();
            if (roleId is null)
            {
                roleId = Guid.NewGuid().ToString();
                db.Roles.Add(new IdentityRole(name) { Id = roleId, NormalizedName = name.ToUpperInvariant() });
            }
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        }
        await db.SaveChangesAsync();
    }
}
