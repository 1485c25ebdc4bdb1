using System.Net;
using System.Text.Json;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.Web.Infrastructure;

/// <summary>A cookie session cannot be ridden by another site's form or script to change state through the API.</summary>
public sealed class CrossSiteRequestTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    // Any unsafe method on /_api goes through the check, whether or not the route accepts it.
    private const string Path = "/_api/v3/audit-log-bulk-export";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookiePost_ShouldBe403InvalidCsrfToken_WhenCrossSite()
    {
        await factory.CreateUserAsync("csrf-admin", admin: true);
        using var client = await factory.CreateSignedInClientAsync("csrf-admin");

        using var response = await client.SendAsync(Post("cross-site"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("invalid_csrf_token", body.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("same-origin")]
    [InlineData(null)]
    public async Task CookiePost_ShouldPassTheCheck_WhenSameOriginOrNotFromABrowser(string? site)
    {
        await factory.CreateUserAsync("csrf-admin-" + (site ?? "none"), admin: true);
        using var client = await factory.CreateSignedInClientAsync("csrf-admin-" + (site ?? "none"));

        using var response = await client.SendAsync(Post(site), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("invalid_csrf_token", text, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        // Authenticated by the cookie: whatever the route answers, it is not a challenge.
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BearerPost_ShouldPassTheCheck_EvenWhenMarkedCrossSite()
    {
        var admin = await factory.CreateUserAsync("csrf-bearer", admin: true);
        using var client = factory.CreateTokenClient(await factory.CreateTokenAsync(admin, [Scopes.WriteAuditLog]));

        using var response = await client.SendAsync(Post("cross-site"), Ct);

        Assert.DoesNotContain("invalid_csrf_token", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage Post(string? secFetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent("""{"filters":{}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (secFetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", secFetchSite);
        }
        return request;
    }
}
