using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class ActivitiesPagingBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        _server = new LiveServer();
        await _server.CreateUserAsync("alice", admin: true);
        await ActivitySeed.InsertAsync(_server.DbFactory,
            ActivitySeed.Rows(10_000, usernames: ["carol", "jean-baptiste", "dave"], start: DateTime.UtcNow.AddDays(-8)));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Admin_ShouldJumpToPage50_OfTenThousandRows_ThenPickAUserByAMiddlePartOfTheName()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "alice");
        await page.GotoAsync($"{_server.BaseUrl}/admin/audit-log");
        await page.WaitForInteractiveAsync();
        var summary = page.Locator("[data-testid=audit-log-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("of 10,0");

        await page.GetByLabel("Go to page").FillAsync("50");
        await page.ClickAsync("[data-testid=audit-log-jump-go]");

        await Assertions.Expect(summary).ToContainTextAsync("491 – 500 of 10,0");
        await page.WaitForURLAsync(url => url.Contains("page=50", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=audit-log-pages] [aria-current=page]"))
            .ToContainTextAsync("50");

        await page.Locator("[data-testid=username-picker] input").FillAsync("bapt");
        var suggestions = page.Locator(".mud-popover-open [data-testid=username-suggestion]");
        await Assertions.Expect(suggestions).ToHaveTextAsync(["jean-baptiste"]);
        await page.Locator("[data-testid=username-picker] input").PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("users=jean-baptiste", StringComparison.Ordinal));
        await Assertions.Expect(summary).ToHaveTextAsync("1 – 10 of 3,333");
        await Assertions.Expect(page.Locator("[data-testid=cell-user]").First).ToHaveTextAsync("jean-baptiste");
    }
}
