using System.Net;
using System.Net.Http.Headers;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class AccessTokensBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string NotificationStatus = "/_api/v3/in-app-notification/status";

    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        // MEDIUM: the group that records token creation and deletion.
        _server = new LiveServer(new Dictionary<string, string?> { ["AuditLog:ActionGroupSize"] = "MEDIUM" });
        await _server.CreateUserAsync("quinn");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task User_ShouldCreateATokenShownOnce_UseIt_AndRevokeIt()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "quinn");
        await page.GotoAsync($"{_server.BaseUrl}/me/access-tokens");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=tokens-none]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=token-create]");
        // A plain user is offered neither the audit log's scopes nor the download's (both are for admins and auditors).
        await Assertions.Expect(page.Locator("[data-testid='token-scope-read:features:in_app_notification']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='token-scope-read:features:attachment']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid='token-scope-read:admin:audit_log']")).ToHaveCountAsync(0);
        await page.Field("token-description").FillAsync("status script");
        await page.Field("token-scope-read:features:in_app_notification").CheckAsync();
        await page.ClickAsync("[data-testid=token-create-submit]");

        var tokenField = page.Field("new-token");
        await Assertions.Expect(tokenField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^aa_[0-9a-f]{64}$"));
        var token = await tokenField.InputValueAsync();
        await page.Locator("[data-testid=new-token-panel] button[aria-label='Copy']").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasTextString = "Copied" })).ToBeVisibleAsync();
        Assert.Equal(token, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Assertions.Expect(page.Locator("[data-testid=token-row-description]")).ToHaveTextAsync("status script");
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(token));

        // Shown once: a reload lists the token but no longer shows its value.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=token-row-description]")).ToHaveTextAsync("status script");
        await Assertions.Expect(page.Locator("[data-testid=new-token-panel]")).ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid=token-revoke]");
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=tokens-none]")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(token));

        await using var db = await _server.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var recorded = await db.Activities.Where(a => a.Username == "quinn" && a.Action.StartsWith("USER_ACCESS_TOKEN_"))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([SupportedActions.UserAccessTokenCreate, SupportedActions.UserAccessTokenDelete], recorded);
    }

    private async Task<HttpStatusCode> StatusWithTokenAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(NotificationStatus, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
