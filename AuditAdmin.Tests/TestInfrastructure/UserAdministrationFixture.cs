using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>The real application services (Identity on SQLite) with every action recorded.</summary>
internal static class UserAdministrationFixture
{
    public static AuditAdminFactory NewApp() => AuditAdminFactory.With(("AuditLog:ActionGroupSize", "LARGE"));

    /// <summary>Runs <paramref name="operation"/> on a fresh scope, as the page and the CLI do.</summary>
    public static async Task<T> WithAdministrationAsync<T>(this AuditAdminFactory app, Func<UserAdministration, Task<T>> operation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    public static async Task<AppUser> ReloadAsync(this AuditAdminFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!;
    }

    public static async Task<bool> IsAdminAsync(this AuditAdminFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(userId))!, Roles.Admin);
    }

    public static async Task<List<string>> ActionsOnAsync(this AuditAdminFactory app, string userId)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        return await db.Activities.Where(a => a.Target == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    public static UserAdminActor ActorFor(AppUser user) => new(user.Id, user.UserName, Endpoint: "/admin/users");
}
