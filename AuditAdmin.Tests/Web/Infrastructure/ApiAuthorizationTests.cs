using System.Net;
using System.Text.Json;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Infrastructure;

/// <summary>Who may call the API with which token, against two real endpoints: one admin-only, one for any user.</summary>
public sealed class ApiAuthorizationTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    private const string AdminEndpoint = "/_api/v3/audit-log-bulk-export";
    private const string UserEndpoint = "/_api/v3/in-app-notification/status";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AppUser> UserAsync(bool admin = false) =>
        await factory.CreateUserAsync("u" + Guid.NewGuid().ToString("N")[..12], admin);

    [Theory]
    [InlineData(AdminEndpoint)]
    [InlineData(UserEndpoint)]
    public async Task Request_ShouldBe401WithEnvelope_WhenNoCredentials(string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Request_ShouldBe401_WhenTokenIsUnknown()
    {
        using var client = factory.CreateTokenClient("aa_" + new string('0', 64));
        using var response = await client.GetAsync(UserEndpoint, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AdminEndpoint_ShouldBe403_WhenTokenLacksTheScope()
    {
        var admin = await UserAsync(admin: true);
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(admin, [Scopes.ReadInAppNotification]));
        using var response = await client.GetAsync(AdminEndpoint, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task UserEndpoint_ShouldBe403_WhenTokenLacksTheScope()
    {
        var user = await UserAsync();
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(user, [Scopes.ReadAttachment]));
        using var response = await client.GetAsync(UserEndpoint, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task AdminEndpoint_ShouldBe403_ForANonAdminsToken_EvenWithTheScope()
    {
        var user = await UserAsync();
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(user, [Scopes.ReadAuditLog]));
        using var response = await client.GetAsync(AdminEndpoint, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task AdminEndpoint_ShouldBe200_ForAnAdminsTokenWithReadScope()
    {
        var admin = await UserAsync(admin: true);
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(admin, [Scopes.ReadAuditLog]));
        using var response = await client.GetAsync(AdminEndpoint, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoint_ShouldBe200_WhenTokenHasOnlyTheWriteScope()
    {
        var admin = await UserAsync(admin: true);
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(admin, [Scopes.WriteAuditLog]));
        using var response = await client.GetAsync(AdminEndpoint, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UserEndpoint_ShouldBe200_ForAnyUsersTokenWithTheScope()
    {
        var user = await UserAsync();
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(user, [Scopes.ReadInAppNotification]));
        using var response = await client.GetAsync(UserEndpoint, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, body.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Token_ShouldBe401_OnceRevoked()
    {
        var user = await UserAsync();
        var token = await factory.CreateTokenAsync(user, [Scopes.ReadInAppNotification]);
        using var client = factory.CreateTokenClient(token);
        using (var before = await client.GetAsync(UserEndpoint, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
            var id = (await tokens.ListAsync(user.Id, Ct)).Single().Id;
            Assert.True(await tokens.RevokeAsync(user.Id, id, Ct));
        }

        using var after = await client.GetAsync(UserEndpoint, Ct);
        await AssertErrorAsync(after, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_ShouldBe401_WhenExpired()
    {
        var user = await UserAsync();
        var token = await factory.CreateTokenAsync(user, [Scopes.ReadInAppNotification], DateTime.UtcNow.AddMinutes(-1));
        using var client = factory.CreateTokenClient(token);
        using var response = await client.GetAsync(UserEndpoint, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_ShouldBe401_WhenItsUserIsDeactivated()
    {
        var admin = await UserAsync(admin: true);
        var user = await UserAsync();
        var token = await factory.CreateTokenAsync(user, [Scopes.ReadInAppNotification]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .SetActiveAsync(user.Id, false, new UserAdminActor(admin.Id, admin.UserName), Ct);
            Assert.True(result.Succeeded, result.Describe());
        }

        using var client = factory.CreateTokenClient(token);
        using var response = await client.GetAsync(UserEndpoint, Ct);
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_ShouldRecordLastUse_AtMostOncePerMinute()
    {
        var user = await UserAsync();
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(user, [Scopes.ReadInAppNotification]));

        using (var first = await client.GetAsync(UserEndpoint, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var firstUse = await LastUsedAsync(user.Id);
        Assert.NotNull(firstUse);

        using (var second = await client.GetAsync(UserEndpoint, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }
        Assert.Equal(firstUse, await LastUsedAsync(user.Id));
    }

    private async Task<DateTime?> LastUsedAsync(string userId)
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        return await db.AccessTokens.Where(t => t.UserId == userId).Select(t => t.LastUsedAt).SingleAsync(Ct);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }
}
