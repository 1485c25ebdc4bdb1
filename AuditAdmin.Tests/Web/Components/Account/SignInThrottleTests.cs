using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Components.Account;

public sealed class SignInThrottleTests
{
    private static HttpClient Client(AuditAdminFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task SignIn_ShouldAnswer429_OnceAnAddressHasUsedItsAttempts_WhileOtherAddressesStillSignIn()
    {
        await using var factory = AuditAdminFactory.BehindProxy(settings:
            [("SignIn:PermitsPerAddress", "3"), ("SignIn:PermitsPerUsername", "100"), ("SignIn:WindowSeconds", "600")]);
        await factory.CreateUserAsync("alice");
        using var attacker = Client(factory);

        for (var i = 0; i < 3; i++)
        {
            using var failed = await attacker.PostSignInFormAsync("alice", "wrong-password", forwardedFor: "203.0.113.7");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var refused = await attacker.PostSignInFormAsync("alice", AuditAdminFactory.Password, forwardedFor: "203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("AuditAdmin.Auth", string.Join(";", refused.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);

        using var other = Client(factory);
        using var admitted = await other.PostSignInFormAsync("alice", AuditAdminFactory.Password, forwardedFor: "198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
    }

    [Fact]
    public async Task SignIn_ShouldAnswer429_OnceAUsernameHasUsedItsAttempts_FromWhateverAddress()
    {
        await using var factory = AuditAdminFactory.BehindProxy(settings:
            [("SignIn:PermitsPerAddress", "100"), ("SignIn:PermitsPerUsername", "2")]);
        await factory.CreateUserAsync("bob");
        await factory.CreateUserAsync("carol");
        using var client = Client(factory);

        using var first = await client.PostSignInFormAsync("bob", "wrong-password", forwardedFor: "203.0.113.1");
        using var second = await client.PostSignInFormAsync("BOB", "wrong-password", forwardedFor: "203.0.113.2");
        using var third = await client.PostSignInFormAsync("bob", AuditAdminFactory.Password, forwardedFor: "203.0.113.3");
        using var carol = await client.PostSignInFormAsync("carol", AuditAdminFactory.Password, forwardedFor: "203.0.113.3");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.Redirect],
            [first.StatusCode, second.StatusCode, third.StatusCode, carol.StatusCode]);
    }

    [Fact]
    public async Task TooManyAttempts_ShouldBeSaidInTheReadersLanguage()
    {
        await using var factory = AuditAdminFactory.BehindProxy(settings: [("SignIn:PermitsPerAddress", "1")]);
        using var client = Client(factory);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        using var first = await client.PostSignInFormAsync("nobody", "wrong-password", forwardedFor: "203.0.113.4");
        using var refused = await client.PostSignInFormAsync("nobody", "wrong-password", forwardedFor: "203.0.113.4");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("サインインの試行が多すぎます", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lockout_ShouldBeLiftedByAnAdmin()
    {
        await using var factory = new AuditAdminFactory();
        var dave = await factory.CreateUserAsync("dave");
        using var client = Client(factory);
        for (var i = 0; i < 10; i++)
        {
            (await client.PostSignInFormAsync("dave", "wrong-password")).Dispose();
        }
        using var locked = await client.PostSignInFormAsync("dave", AuditAdminFactory.Password);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var admin = await factory.CreateUserAsync("erin", admin: true);
            var result = await scope.ServiceProvider.GetRequiredService<AuditAdmin.Core.Identity.UserAdministration>()
                .UnlockAsync(dave.Id, new AuditAdmin.Core.Identity.UserAdminActor(admin.Id, admin.UserName), CancellationToken.None);
            Assert.True(result.Value);
        }
        using var unlocked = await client.PostSignInFormAsync("dave", AuditAdminFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
    }
}
