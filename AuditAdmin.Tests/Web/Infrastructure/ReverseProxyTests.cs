using System.Net;
using AuditAdmin.Core.Features.Activities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Infrastructure;

public sealed class ReverseProxyTests
{
    [Fact]
    public async Task FromAKnownProxy_TheClientsAddressShouldBeRecorded_AndCookiesMarkedSecureOverHttps()
    {
        await using var factory = AuditAdminFactory.BehindProxy();
        await factory.CreateUserAsync("alice");
        // The cookies come back Secure, which a cookie jar would not send over TestServer's http: carried by hand.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var ct = TestContext.Current.CancellationToken;
        using var get = Forwarded(new HttpRequestMessage(HttpMethod.Get, "/Account/Login"));
        using var page = await client.SendAsync(get, ct);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var token = CookieSignIn.FormToken(await page.Content.ReadAsStringAsync(ct));
        using var post = Forwarded(new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.UserName"] = "alice",
                ["Input.Password"] = AuditAdminFactory.Password,
            }),
        });
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);

        using var response = await client.SendAsync(post, ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("203.0.113.50", await SignInIpAsync(factory));
        var auth = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("AuditAdmin.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    [Fact]
    public async Task FromAnUnknownProxy_ForwardedHeadersShouldBeIgnored()
    {
        await using var factory = AuditAdminFactory.BehindProxy(trustedProxy: "10.9.9.9");
        await factory.CreateUserAsync("alice");
        using var client = Client(factory);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.PostSignInFormAsync("alice", AuditAdminFactory.Password, forwardedFor: "203.0.113.50");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AuditAdminFactory.ProxyAddress, await SignInIpAsync(factory));
        var auth = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("AuditAdmin.Auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutConfiguredProxies_ForwardedHeadersShouldBeIgnored_EvenFromLoopback()
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("alice");
        using var client = Client(factory);

        using var response = await client.PostSignInFormAsync("alice", AuditAdminFactory.Password, forwardedFor: "203.0.113.50");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual("203.0.113.50", await SignInIpAsync(factory));
    }

    [Fact]
    public void AMisspelledProxyAddress_ShouldStopTheStart_NamingTheSetting()
    {
        using var factory = AuditAdminFactory.With(("ReverseProxy:KnownNetworks:0", "10.0.0.0/40"));

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("ReverseProxy:KnownNetworks", error.ToString(), StringComparison.Ordinal);
    }

    private static HttpClient Client(AuditAdminFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string?> SignInIpAsync(AuditAdminFactory factory)
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Activities.Where(a => a.Action == SupportedActions.UserLoginWithLocal).Select(a => a.Ip)
            .SingleAsync(TestContext.Current.CancellationToken);
    }
}
