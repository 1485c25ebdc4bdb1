using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

/// <summary>Signing in and out, the saved language preference, and what a non-admin may open.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IdentityBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        _server = new LiveServer();
        await _server.CreateUserAsync("mika", admin: true);
        await _server.CreateUserAsync("nora");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task LanguageSwitch_ShouldShowJapanese_AndKeepItAfterReloadAndAFreshSignIn()
    {
        await using (var context = await browser.Browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync(_server.BaseUrl, "mika");
            await Assertions.Expect(NavLink(page, "Audit log")).ToBeVisibleAsync();

            await page.ClickAsync("[data-testid=language-switcher] button");
            // The switch is a full page load (through /culture/set and back): wait for it, not for a fixed time.
            await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-culture=ja]"),
                r => r.Request.IsNavigationRequest && r.Status == 200 && !r.Url.Contains("/culture/set", StringComparison.Ordinal));
            await Assertions.Expect(NavLink(page, "監査ログ")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");

            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(NavLink(page, "監査ログ")).ToBeVisibleAsync();
        }

        // A new browser: no culture cookie, no session. The preference was saved on the user.
        await using var fresh = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var freshPage = await fresh.NewPageAsync();
        await freshPage.SignInAsync(_server.BaseUrl, "mika");
        await Assertions.Expect(NavLink(freshPage, "監査ログ")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task NonAdmin_ShouldSeeAccessDenied_OnTheUsersPage_AndThenSignOut()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "nora");
        await Assertions.Expect(NavLink(page, "Access tokens")).ToBeVisibleAsync();
        await Assertions.Expect(NavLink(page, "Users")).ToHaveCountAsync(0);

        await page.GotoAsync($"{_server.BaseUrl}/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=users-grid]")).ToHaveCountAsync(0);

        await page.GotoAsync(_server.BaseUrl);
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("[data-testid=user-menu] button");
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));

        // Signed out for real: the page now sends the visitor to the sign-in form.
        await page.GotoAsync($"{_server.BaseUrl}/me/access-tokens");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#username")).ToBeVisibleAsync();
    }

    private static ILocator NavLink(IPage page, string text) =>
        page.Locator(".mud-navmenu a", new PageLocatorOptions { HasTextString = text });
}
