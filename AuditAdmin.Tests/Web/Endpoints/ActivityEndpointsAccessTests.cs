using System.Net;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>Who may call the activity endpoints, and what they answer while the audit log is disabled.</summary>
public sealed class ActivityEndpointsAccessTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string IngestBody = """{"activities":[{"action":"USER_LOGOUT"}]}""";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint) => endpoint switch
    {
        "get" => client.GetAsync("/_api/v3/activity", TestContext.Current.CancellationToken),
        "post" => client.PostJsonAsync("/_api/v3/activity/list", "{}"),
        _ => client.PostJsonAsync("/_api/v3/activities", IngestBody),
    };

    [Theory]
    [InlineData("get")]
    [InlineData("post")]
    [InlineData("ingest")]
    public async Task Anonymous_ShouldGet401(string endpoint)
    {
        using var client = fixture.Factory.CreateClient();
        using var response = await SendAsync(client, endpoint);

        Assert.Equal(("unauthorized", null), await response.ErrorAsync(HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("ingest")]
    public async Task NonAdmin_ShouldGet403_EvenWithTheScope(string endpoint)
    {
        var user = await fixture.Factory.CreateUserAsync($"plain-{endpoint}");
        using var client = fixture.Factory.CreateTokenClient(await fixture.Factory.CreateTokenAsync(user, [Scopes.WriteAuditLog]));
        using var response = await SendAsync(client, endpoint);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("get", Scopes.ReadInAppNotification, HttpStatusCode.Forbidden)]
    [InlineData("post", Scopes.ReadInAppNotification, HttpStatusCode.Forbidden)]
    [InlineData("ingest", Scopes.ReadAuditLog, HttpStatusCode.Forbidden)]
    [InlineData("get", Scopes.ReadAuditLog, HttpStatusCode.OK)]
    [InlineData("get", Scopes.WriteAuditLog, HttpStatusCode.OK)]
    [InlineData("ingest", Scopes.WriteAuditLog, HttpStatusCode.Created)]
    public async Task AdminToken_ShouldNeedTheScope(string endpoint, string scope, HttpStatusCode expected)
    {
        using var client = await fixture.Factory.AdminClientAsync($"admin-{endpoint}-{scope.Replace(':', '-')}", scope: scope);
        using var response = await SendAsync(client, endpoint);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AdminCookieSession_ShouldReadTheList()
    {
        await fixture.Factory.CreateUserAsync("cookie-admin", admin: true);
        using var client = await fixture.Factory.CreateSignedInClientAsync("cookie-admin");

        using var response = await client.GetAsync("/_api/v3/activity", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("AuditLog:Enabled", "false")]
    [InlineData("AUDIT_LOG_ENABLED", "0")]
    public async Task DisabledAuditLog_ShouldAnswer405_OnEveryActivityEndpoint(string key, string value)
    {
        await using var factory = AuditAdminFactory.With((key, value));
        using var client = await factory.AdminClientAsync("admin", scope: Scopes.WriteAuditLog);

        foreach (var endpoint in new[] { "get", "post", "ingest" })
        {
            using var response = await SendAsync(client, endpoint);
            Assert.Equal(("audit_log_disabled", null), await response.ErrorAsync(HttpStatusCode.MethodNotAllowed));
        }
    }
}
