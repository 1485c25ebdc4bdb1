using AuditAdmin.Web.Infrastructure.SignIn;
using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInThrottleBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly SignInOptions Defaults = new();

    private LiveServer _server = default!;

    public async ValueTask InitializeAsync()
    {
        // The shipped limits (the test factory raises them for every other test), behind a proxy on loopback.
        _server = new LiveServer(new Dictionary<string, string?>
        {
            ["SignIn:PermitsPerAddress"] = Defaults.PermitsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:PermitsPerUsername"] = Defaults.PermitsPerUsername.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
        });
        await _server.CreateUserAsync("alice", admin: true);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task FortyWrongPasswords_ShouldMeet429BeforeTheFortieth_WhileTheAdminSignsInFromElsewhere()
    {
        await using var attacker = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.66" },
        });
        var page = await attacker.NewPageAsync();
        await page.GotoAsync($"{_server.BaseUrl}/Account/Login");

        var statuses = new List<int>();
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            await page.FillAsync("#username", $"guess-{attempt}");
            await page.FillAsync("#password", "not-the-password");
            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=login-submit]"),
                r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login", StringComparison.Ordinal));
            statuses.Add(response.Status);
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        var first429 = statuses.IndexOf(429) + 1;
        Assert.Equal(Defaults.PermitsPerAddress + 1, first429);
        Assert.All(statuses.Skip(first429 - 1), s => Assert.Equal(429, s));
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("Too many sign-in attempts");

        await using var admin = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = "198.51.100.20" },
        });
        var adminPage = await admin.NewPageAsync();
        await adminPage.SignInAsync(_server.BaseUrl, "alice");
        await adminPage.GotoAsync($"{_server.BaseUrl}/admin/audit-log");
        await Assertions.Expect(adminPage.Locator("h1")).ToBeVisibleAsync();
        Assert.Contains("/admin/audit-log", adminPage.Url, StringComparison.Ordinal);
    }
}
