using System.Net;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Infrastructure;

/// <summary>
/// A signed-in session follows changes made by an admin: deactivation ends it, a revoked role stops working.
/// The app re-reads the user once a minute; here at every request, so the tests need not wait.
/// </summary>
public sealed class CookieSessionTests(CookieSessionTests.ImmediateRevalidationFactory factory)
    : IClassFixture<CookieSessionTests.ImmediateRevalidationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_ShouldEnd_WhenTheUserIsDeactivated()
    {
        var boss = await factory.CreateUserAsync("session-boss", admin: true);
        var user = await factory.CreateUserAsync("session-user");
        using var client = await factory.CreateSignedInClientAsync("session-user");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/_api/v3/in-app-notification/status"));

        await ChangeAsync(a => a.SetActiveAsync(user.Id, false, new UserAdminActor(boss.Id, boss.UserName), Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/_api/v3/in-app-notification/status"));
    }

    [Fact]
    public async Task Session_ShouldEnd_WhenTheRoleIsRevoked()
    {
        var boss = await factory.CreateUserAsync("role-boss", admin: true);
        var deputy = await factory.CreateUserAsync("role-deputy", admin: true);
        using var client = await factory.CreateSignedInClientAsync("role-deputy");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/_api/v3/audit-log-bulk-export"));

        await ChangeAsync(a => a.SetRoleAsync(deputy.Id, UserRole.User, new UserAdminActor(boss.Id, boss.UserName), Ct));

        // The role change renewed the security stamp: the session is over, for the audit log and everything else.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/_api/v3/audit-log-bulk-export"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/_api/v3/in-app-notification/status"));
    }

    [Fact]
    public async Task Session_ShouldLoseTheAuditLogAtOnce_WhenTheRoleIsRevoked_EvenBeforeTheCookieIsRevalidated()
    {
        await using var app = new AuditAdminFactory();
        var boss = await app.CreateUserAsync("slow-boss", admin: true);
        var deputy = await app.CreateUserAsync("slow-deputy", admin: true);
        using var client = await app.CreateSignedInClientAsync("slow-deputy");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/_api/v3/audit-log-bulk-export"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .SetRoleAsync(deputy.Id, UserRole.User, new UserAdminActor(boss.Id, boss.UserName), Ct);
            Assert.True(result.Succeeded, result.Describe());
        }

        // The cookie is re-validated once a minute; the policies read the user from the database on every request.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/_api/v3/audit-log-bulk-export"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/_api/v3/in-app-notification/status"));
    }

    private async Task ChangeAsync(Func<UserAdministration, Task<UserAdminResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        Assert.True(result.Succeeded, result.Describe());
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        return response.StatusCode;
    }

    public sealed class ImmediateRevalidationFactory : AuditAdminFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }
}
