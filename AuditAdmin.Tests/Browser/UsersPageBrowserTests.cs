using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class UsersPageBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        _server = new LiveServer();
        await _server.CreateUserAsync("olga", admin: true);
        await _server.CreateUserAsync("rita", timeZone: null);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Admin_ShouldCreateAUser_WhoCanSignIn_UntilDeactivated()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "olga");
        await page.GotoAsync($"{_server.BaseUrl}/admin/users");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=user-olga]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=users-create]");
        await page.Field("new-user-name").FillAsync("pavel");
        await page.Field("new-user-email").FillAsync("pavel@example.test");
        await page.Field("new-user-password").FillAsync(AuditAdminFactory.Password);
        await page.ClickAsync("[data-testid=new-user-submit]");

        await Assertions.Expect(page.Locator("[data-testid=create-user-dialog]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=user-pavel]")).ToBeVisibleAsync();

        await using (var pavelContext = await browser.Browser.NewContextAsync())
        {
            var pavel = await pavelContext.NewPageAsync();
            await pavel.SignInAsync(_server.BaseUrl, "pavel");
            await pavel.ClickAsync("[data-testid=user-menu] button");
            await Assertions.Expect(pavel.Locator("[data-testid=user-name]")).ToHaveTextAsync("pavel");
        }

        await page.ClickAsync("[data-testid=user-actions-pavel] button");
        await page.ClickAsync("[data-testid=user-action-deactivate]");
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "Deactivate" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=user-pavel]") })
            .Locator("[data-testid=user-deactivated-chip]")).ToBeVisibleAsync();

        await using var refusedContext = await browser.Browser.NewContextAsync();
        var refused = await refusedContext.NewPageAsync();
        await refused.GotoAsync($"{_server.BaseUrl}/Account/Login");
        await refused.FillAsync("#username", "pavel");
        await refused.FillAsync("#password", AuditAdminFactory.Password);
        await refused.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(refused.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_ShouldNotBeOfferedToDeactivateOrDemoteThemself()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "olga");
        await page.GotoAsync($"{_server.BaseUrl}/admin/users");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("[data-testid=user-actions-olga] button");

        await Assertions.Expect(page.Locator("[data-testid=user-action-deactivate]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-disabled"));
        await Assertions.Expect(page.Locator("[data-testid=user-action-revoke-admin]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-disabled"));
    }

    [Fact]
    public async Task Admin_ShouldPickATimeZoneFromTheList_AndResetAPasswordShownOnce()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "olga");
        await page.GotoAsync($"{_server.BaseUrl}/admin/users");
        await page.WaitForInteractiveAsync();
        var rita = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=user-rita]") });

        await page.ClickAsync("[data-testid=user-actions-rita] button");
        await page.ClickAsync("[data-testid=user-action-preferences]");
        // Open the list first and only then type: a search started by the focus could otherwise finish after the
        // one for the typed text and leave the whole list showing. Click only once it is the list for the whole name.
        var suggestions = page.Locator(".mud-popover-open .mud-list-item");
        await page.Field("time-zone-field").ClickAsync();
        await Assertions.Expect(suggestions.First).ToBeVisibleAsync();
        await page.Field("time-zone-field").FillAsync("Europe/Paris");
        await Assertions.Expect(suggestions).ToHaveTextAsync(["Europe/Paris"]);
        await suggestions.ClickAsync();
        // The field explains the zone once it is chosen: only then is there a value to save.
        await Assertions.Expect(page.Locator(".mud-input-helper-text", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(@"UTC\+0[12]:00") })).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=user-preferences-save]");
        await Assertions.Expect(rita.Locator("td", new LocatorLocatorOptions { HasTextString = "Europe/Paris" })).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=user-actions-rita] button");
        await page.ClickAsync("[data-testid=user-action-reset-password]");
        await page.ClickAsync("[data-testid=reset-password-submit]");
        var newPassword = await page.Field("reset-password-result").InputValueAsync();
        Assert.Equal(20, newPassword.Length);
        await page.ClickAsync("[data-testid=reset-password-close]");
        await Assertions.Expect(page.Locator("[data-testid=reset-password-dialog]")).ToHaveCountAsync(0);

        await using var ritaContext = await browser.Browser.NewContextAsync();
        var ritaPage = await ritaContext.NewPageAsync();
        await ritaPage.SignInAsync(_server.BaseUrl, "rita", newPassword);
        await ritaPage.ClickAsync("[data-testid=user-menu] button");
        await Assertions.Expect(ritaPage.Locator("[data-testid=user-name]")).ToHaveTextAsync("rita");
    }
}
