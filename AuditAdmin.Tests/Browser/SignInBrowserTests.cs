using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        _server = new LiveServer();
        await _server.CreateUserAsync("alice", admin: true);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Admin_ShouldSignIn_AndSignOut()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(_server.BaseUrl, "alice");
        await page.ClickAsync("[data-testid=user-menu] button");
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("alice");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#username")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPassword_ShouldShowAnError()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_server.BaseUrl}/Account/Login");
        await page.FillAsync("#username", "alice");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
    }
}
