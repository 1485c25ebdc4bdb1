using AuditAdmin.Core.Features.Activities;
using Microsoft.Playwright;
using static AuditAdmin.Tests.TestInfrastructure.ActivityComponentServices;

namespace AuditAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class ActivitiesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly DateTime At = DateTime.UtcNow.AddHours(-2);

    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        _server = new LiveServer();
        await _server.CreateUserAsync("alice", admin: true);
        await _server.CreateUserAsync("minji", admin: true, language: "ko");
        await using var db = await _server.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Activities.AddRange(
            Row("bob", SupportedActions.PageCreate, At, endpoint: "/_api/v3/page/bob-created"),
            Row("bob", SupportedActions.PageDelete, At.AddMinutes(1)),
            Row("carol", SupportedActions.PageCreate, At.AddMinutes(2)),
            Row("carol", SupportedActions.UserLogout, At.AddMinutes(3)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Admin_ShouldFilterByUserAndAction_AndKeepTheFilterAcrossReload()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "alice");
        await page.GotoAsync($"{_server.BaseUrl}/admin/audit-log");
        await page.WaitForInteractiveAsync();
        var users = page.Locator("[data-testid=cell-user]");
        await Assertions.Expect(users.Filter(new() { HasText = "carol" })).ToHaveCountAsync(2);

        await page.Locator("[data-testid=username-picker] input").FillAsync("bo");
        // Focusing the box may first list every name; click only once the list is the one for "bo".
        var suggestions = page.Locator(".mud-popover-open [data-testid=username-suggestion]");
        await Assertions.Expect(suggestions).ToHaveTextAsync(["bob"]);
        // Enter picks the highlighted (only) suggestion; a click could land while the list closes on the input's blur.
        await page.Locator("[data-testid=username-picker] input").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("users=bob", StringComparison.Ordinal));
        await Assertions.Expect(users).ToHaveTextAsync(["bob", "bob"]);

        await page.ClickAsync("[data-testid=action-selector-toggle]");
        // Each click waits for the server's render: a click on a box the browser still shows in its old state would undo itself.
        await page.ClickAsync("input[data-category-toggle=Page]");
        await Assertions.Expect(page.Locator("input[data-action=PAGE_CREATE]")).Not.ToBeCheckedAsync();
        await page.ClickAsync("input[data-category-toggle=User]");
        await Assertions.Expect(page.Locator("input[data-action=USER_LOGOUT]")).Not.ToBeCheckedAsync();
        await page.ClickAsync("input[data-action=PAGE_CREATE]");
        await Assertions.Expect(page.Locator("input[data-action=PAGE_CREATE]")).ToBeCheckedAsync();
        await page.WaitForURLAsync(url => url.Contains("actions=PAGE_CREATE", StringComparison.Ordinal)
            && !url.Contains("PAGE_DELETE", StringComparison.Ordinal));
        await AssertOnlyBobsPageCreateAsync(page);

        var filteredUrl = page.Url;
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        Assert.Equal(filteredUrl, page.Url);
        await AssertOnlyBobsPageCreateAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=username-chip]")).ToHaveTextAsync(["bob"]);
    }

    private static async Task AssertOnlyBobsPageCreateAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid=audit-log-summary]")).ToHaveTextAsync("1 – 1 of 1");
        await Assertions.Expect(page.Locator("[data-testid=cell-user]")).ToHaveTextAsync(["bob"]);
        await Assertions.Expect(page.Locator("[data-testid=cell-action]")).ToHaveAttributeAsync("data-action", SupportedActions.PageCreate);
        await Assertions.Expect(page.Locator("[data-testid=cell-url]")).ToContainTextAsync("/_api/v3/page/bob-created");
    }

    [Fact]
    public async Task ActivitiesPage_ShouldShowKoreanActionLabels_ForAKoreanAdmin()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "minji");
        await page.GotoAsync($"{_server.BaseUrl}/admin/audit-log?users=carol");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("[data-testid=cell-action]")).ToHaveTextAsync(["로그아웃", "페이지 생성"]);
        await Assertions.Expect(page.Locator("[data-testid=audit-log-summary]")).ToHaveTextAsync("전체 2개 중 1 – 2");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("감사 로그");
    }
}
