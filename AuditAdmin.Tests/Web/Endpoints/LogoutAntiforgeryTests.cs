using System.Net;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class LogoutAntiforgeryTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logout_ShouldBeRefused_WithoutTheAntiforgeryToken_AndTheUserStaysSignedIn()
    {
        await factory.CreateUserAsync("logout-forged");
        using var client = await factory.CreateSignedInClientAsync("logout-forged");

        using var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/_api/v3/in-app-notification/status"));
    }

    [Fact]
    public async Task Logout_ShouldSignOut_WithTheAntiforgeryToken()
    {
        await factory.CreateUserAsync("logout-real");
        using var client = await factory.CreateSignedInClientAsync("logout-real");
        var token = await client.FormTokenAsync("/Account/Login");

        using var response = await client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/_api/v3/in-app-notification/status"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        return response.StatusCode;
    }
}
