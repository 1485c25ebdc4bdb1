using System.Net;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>POST /culture/set: the form the language switcher submits, with its antiforgery token.</summary>
public sealed class CultureEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Posts the language form as the switcher does, with the token of a page the client has loaded.</summary>
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture, string returnUrl = "/",
        bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = returnUrl };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await client.FormTokenAsync("/me/notifications");
        }
        return await client.PostAsync("/culture/set", new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<string> LanguageAsync(AuditAdminFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Language;
    }

    [Fact]
    public async Task Post_ShouldSaveTheLanguage_SetTheCookie_AndGoBack()
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("carla");
        using var client = await factory.CreateSignedInClientAsync("carla");

        using var response = await SwitchAsync(client, "ja", "/me/access-tokens?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me/access-tokens?x=1", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dja%7Cuic%3Dja", StringComparison.Ordinal));
        Assert.Equal("ja", await LanguageAsync(factory, "carla"));
    }

    [Fact]
    public async Task Post_ShouldBeRefused_AndChangeNothing_WithoutTheAntiforgeryToken()
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("dora");
        using var client = await factory.CreateSignedInClientAsync("dora");

        using var response = await SwitchAsync(client, "fr", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        Assert.Equal("en", await LanguageAsync(factory, "dora"));
    }

    [Fact]
    public async Task Get_ShouldNotSwitchTheLanguage()
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("emil");
        using var client = await factory.CreateSignedInClientAsync("emil");

        using var response = await client.GetAsync("/culture/set?culture=fr&returnUrl=/", Ct);

        Assert.True((int)response.StatusCode >= 400, $"GET answered {(int)response.StatusCode}");
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        Assert.Equal("en", await LanguageAsync(factory, "emil"));
    }

    [Fact]
    public async Task Post_ShouldRedirectHome_WhenTheReturnAddressIsNotLocal()
    {
        await using var factory = new AuditAdminFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = await client.FormTokenAsync("/Account/Login");

        using var response = await client.PostAsync("/culture/set", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "ko", ["returnUrl"] = "//evil.example/", ["__RequestVerificationToken"] = token,
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInPage_ShouldOfferEveryLanguageAsAFormPost_AndNoLink()
    {
        await using var factory = new AuditAdminFactory();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/Account/Login", Ct);

        Assert.Contains("""<form method="post" action="culture/set">""", html, StringComparison.Ordinal);
        Assert.All(SupportedCultures.All, culture =>
            Assert.Contains($"""<button type="submit" name="culture" value="{culture}" data-culture="{culture}">""", html, StringComparison.Ordinal));
        Assert.DoesNotContain("href=\"culture/set", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingLanguage_ShouldRecordPersonalSettingsUpdate_WhenTheActionIsAvailable()
    {
        await using var factory = AuditAdminFactory.With(("AuditLog:ActionGroupSize", "MEDIUM"));
        var alice = await factory.CreateUserAsync("alice");
        using var client = await factory.CreateSignedInClientAsync("alice");

        using var response = await SwitchAsync(client, "fr");
        using var unchanged = await SwitchAsync(client, "fr");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var recorded = await db.Activities.Where(a => a.Action == SupportedActions.UserPersonalSettingsUpdate).SingleAsync(Ct);
        Assert.Equal((alice.Id, "alice", "/culture/set"), (recorded.UserId, recorded.Username, recorded.Endpoint));
        // Choosing the language already saved changes nothing and records nothing (Single above). The sign-in itself was recorded too (SMALL and MEDIUM both hold it).
        Assert.True(await db.Activities.AnyAsync(a => a.Action == SupportedActions.UserLoginWithLocal && a.UserId == alice.Id, Ct));
    }

    [Fact]
    public async Task SwitchingLanguage_ShouldRecordNothing_WhenTheActionIsNotAvailable()
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("bob");
        using var client = await factory.CreateSignedInClientAsync("bob");

        using var switched = await SwitchAsync(client, "ja");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        Assert.False(await db.Activities.AnyAsync(a => a.Action == SupportedActions.UserPersonalSettingsUpdate, Ct));
    }
}
