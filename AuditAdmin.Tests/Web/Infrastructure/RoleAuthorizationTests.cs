using System.Net;
using AuditAdmin.Core.Identity;
using AuditAdmin.Tests.Web.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Infrastructure;

/// <summary>What each role may call (DESIGN 4), read from the database on every request: a demotion bites at once.</summary>
public sealed class RoleAuthorizationTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(AppUser User, HttpClient Client)> ClientAsync(UserRole role)
    {
        var user = await factory.CreateUserAsync("r" + Guid.NewGuid().ToString("N")[..12]);
        if (role != UserRole.User)
        {
            await ChangeAsync(a => a.SetRoleAsync(user.Id, role, UserAdminActor.Operator("test"), Ct));
        }
        return (user, factory.CreateTokenClient(await factory.CreateTokenAsync(user, [.. Scopes.All])));
    }

    private async Task ChangeAsync(Func<UserAdministration, Task<UserAdminResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        Assert.True(result.Succeeded, result.Describe());
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task Auditor_ShouldReadTheLogAndExport_ButNotIngest()
    {
        var (_, auditor) = await ClientAsync(UserRole.Auditor);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(auditor, HttpMethod.Get, "/_api/v3/activity"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(auditor, HttpMethod.Get, ExportApi.ApiPath));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(auditor, HttpMethod.Post, ExportApi.ApiPath, """{"filters":{"usernames":["nobody"]}}"""));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(auditor, HttpMethod.Post, "/_api/v3/activities",
            """{"activities":[{"action":"USER_LOGOUT"}]}"""));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(auditor, HttpMethod.Get, "/_api/v3/in-app-notification/status"));
    }

    [Fact]
    public async Task Admin_ShouldIngest()
    {
        var (_, admin) = await ClientAsync(UserRole.Admin);

        Assert.Equal(HttpStatusCode.Created, await StatusAsync(admin, HttpMethod.Post, "/_api/v3/activities",
            """{"activities":[{"action":"USER_LOGOUT"}]}"""));
    }

    [Fact]
    public async Task PlainUser_ShouldOnlyReachTheirNotifications()
    {
        var (_, user) = await ClientAsync(UserRole.User);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user, HttpMethod.Get, "/_api/v3/activity"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user, HttpMethod.Get, ExportApi.ApiPath));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user, HttpMethod.Get, $"/download/{Guid.CreateVersion7()}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user, HttpMethod.Delete, $"{ExportApi.ApiPath}/{Guid.CreateVersion7()}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user, HttpMethod.Get, "/_api/v3/in-app-notification/status"));
    }

    [Fact]
    public async Task Token_ShouldLoseTheAuditLog_OnTheRequestAfterItsUserIsDemoted()
    {
        var (user, client) = await ClientAsync(UserRole.Auditor);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/_api/v3/activity"));

        await ChangeAsync(a => a.SetRoleAsync(user.Id, UserRole.User, UserAdminActor.Operator("test"), Ct));

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, HttpMethod.Get, "/_api/v3/activity"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, HttpMethod.Post, ExportApi.ApiPath, """{"filters":{}}"""));
    }
}
