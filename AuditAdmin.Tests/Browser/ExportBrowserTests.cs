using System.IO.Compression;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static AuditAdmin.Tests.TestInfrastructure.ActivityComponentServices;

namespace AuditAdmin.Tests.Browser;

/// <summary>
/// The export feature end to end in Chromium: the audit log's filter exported through the dialog, the bell updated
/// live when the background job finishes, the zip downloaded from the notification; then a duplicate request
/// restarted through the confirm dialog.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ExportBrowserTests(BrowserFixture browser)
{
    private const string FilterQuery = "?users=bob&actions=PAGE_CREATE";

    private static readonly string[] GrowiFields =
        ["_id", "user", "username", "ip", "endpoint", "targetModel", "target", "eventModel", "event", "action", "snapshot", "createdAt"];

    private static readonly DateTime At = DateTime.UtcNow.AddHours(-2);

    /// <summary>Three rows match users=bob and actions=PAGE_CREATE; the other three differ in the user, the action or both.</summary>
    private static async Task<AppUser> SeedAsync(LiveServer server)
    {
        var admin = await server.CreateUserAsync("alice", admin: true);
        await using var db = await server.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Activities.AddRange(
            Row("bob", SupportedActions.PageCreate, At, endpoint: "/_api/v3/page/one"),
            Row("bob", SupportedActions.PageDelete, At.AddMinutes(1)),
            Row("bob", SupportedActions.PageCreate, At.AddMinutes(2), endpoint: "/_api/v3/page/two", snapshot: """{"username":"bob"}"""),
            Row("carol", SupportedActions.PageCreate, At.AddMinutes(3)),
            Row("carol", SupportedActions.UserLogout, At.AddMinutes(4)),
            Row("bob", SupportedActions.PageCreate, At.AddMinutes(5), endpoint: "/_api/v3/page/three"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return admin;
    }

    private static async Task OpenExportDialogAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=audit-log-export]");
        var dialog = page.Locator("[data-testid=export-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        // The dialog starts from the page's filter.
        await Assertions.Expect(dialog.Locator("[data-testid=username-chip]")).ToHaveTextAsync(["bob"]);
    }

    private static async Task OpenFilteredAuditLogAsync(IPage page, string baseUrl)
    {
        await page.SignInAsync(baseUrl, "alice");
        await page.GotoAsync($"{baseUrl}/admin/audit-log{FilterQuery}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-log-summary]")).ToHaveTextAsync("1 – 3 of 3");
    }

    [Fact]
    public async Task Export_ShouldNotifyLive_AndDownloadAZipOfExactlyTheFilteredRecords()
    {
        await using var server = new LiveServer();
        var admin = await SeedAsync(server);
        // An older unread notification, so the badge goes from 1 to 2 rather than merely appearing.
        var oldJob = await NotificationSeed.AddJobAsync(server.DbFactory, admin.Id, ExportStatus.Completed, completedAt: At);
        await NotificationSeed.AddNotificationAsync(server.DbFactory, admin.Id, SupportedActions.AuditLogBulkExportNoResults, oldJob.Id, At);
        long[] expectedIds;
        await using (var db = await server.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            expectedIds = await db.Activities.Where(a => a.Username == "bob" && a.Action == SupportedActions.PageCreate)
                .OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync(TestContext.Current.CancellationToken);
        }
        Assert.Equal(3, expectedIds.Length);

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await OpenFilteredAuditLogAsync(page, server.BaseUrl);
        var badge = page.Locator("[data-testid=notification-count]");
        await Assertions.Expect(badge).ToHaveTextAsync("1");
        // A marker in the page's JavaScript state: a reload would lose it.
        await page.EvaluateAsync("() => { window.__exportTestNoReload = true; }");

        await OpenExportDialogAsync(page);
        await page.ClickAsync("[data-testid=export-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Export requested" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=export-dialog]")).ToBeHiddenAsync();

        // The job runs on Quartz in the server; its notification reaches this circuit without a reload.
        await Assertions.Expect(badge).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__exportTestNoReload === true"));

        await page.ClickAsync("[data-testid=notification-bell]");
        var ready = page.Locator("[data-testid=notification-item][data-kind=ExportReady]");
        await Assertions.Expect(ready).ToHaveCountAsync(1);
        await Assertions.Expect(ready).ToContainTextAsync("3 records, complete as of");
        var download = await page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
        // Opening it marks it read.
        await Assertions.Expect(badge).ToHaveTextAsync("1");

        var records = ReadRecords(await download.PathAsync());
        Assert.Equal(expectedIds, records.Select(r => r.GetProperty("_id").GetInt64()).Order());
        foreach (var record in records)
        {
            // GROWI's fields first, then the provenance (an app row has no ingestedBy).
            Assert.Equal([.. GrowiFields, "source"], record.EnumerateObject().Select(p => p.Name));
            Assert.Equal("bob", record.GetProperty("username").GetString());
            Assert.Equal(SupportedActions.PageCreate, record.GetProperty("action").GetString());
        }
        Assert.Equal(
            ["/_api/v3/page/one", "/_api/v3/page/three", "/_api/v3/page/two"],
            records.Select(r => r.GetProperty("endpoint").GetString()).Order(StringComparer.Ordinal));
    }

    /// <summary>Every record of every data file at the zip's root (each file is one JSON array; the bundle files aside).</summary>
    private static List<JsonElement> ReadRecords(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var files = zip.Entries.Where(e => !e.FullName.Contains('/', StringComparison.Ordinal)
            && e.FullName.StartsWith("audit-logs-", StringComparison.Ordinal) && e.FullName.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Contains(zip.Entries, e => e.FullName == "manifest.json");
        Assert.NotEmpty(files);
        var records = new List<JsonElement>();
        foreach (var file in files)
        {
            using var stream = file.Open();
            using var json = JsonDocument.Parse(stream);
            Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
            records.AddRange(json.RootElement.EnumerateArray().Select(r => r.Clone()));
        }
        return records;
    }

    [Fact]
    public async Task ExportingTheSameFilterTwice_ShouldOfferARestart_AndFlagTheRunningJob()
    {
        // Requests are accepted but no export runs, so the first job is still in progress at the second request.
        await using var server = new LiveServer(new Dictionary<string, string?> { ["Export:ParallelExecLimit"] = "0" });
        var admin = await SeedAsync(server);

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await OpenFilteredAuditLogAsync(page, server.BaseUrl);

        await OpenExportDialogAsync(page);
        await page.ClickAsync("[data-testid=export-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Export requested" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=export-dialog]")).ToBeHiddenAsync();
        var first = Assert.Single(await JobsAsync(server, admin.Id));
        Assert.Equal(ExportStatus.Exporting, first.Status);
        Assert.False(first.RestartFlag);

        await OpenExportDialogAsync(page);
        await page.ClickAsync("[data-testid=export-submit]");
        var confirm = page.Locator("[data-testid=duplicate-export-dialog]");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm.Locator("[data-testid=duplicate-export-message]")).ToContainTextAsync("already in progress");
        // MudDialog puts data-testid on its content, not around its actions.
        await page.ClickAsync("[data-testid=duplicate-export-restart]");

        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Export restarted" })).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=export-dialog]")).ToBeHiddenAsync();
        var restarted = Assert.Single(await JobsAsync(server, admin.Id));
        Assert.Equal(first.Id, restarted.Id);
        Assert.Equal(first.FilterHash, restarted.FilterHash);
        Assert.Equal(ExportStatus.Exporting, restarted.Status);
        Assert.True(restarted.RestartFlag);
    }

    private static async Task<List<AuditLogBulkExportJob>> JobsAsync(LiveServer server, string userId)
    {
        await using var db = await server.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking().Where(j => j.UserId == userId)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
