using System.Text.Json;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Tests.Features.Export;
using AuditAdmin.Tests.Web.Endpoints;
using Microsoft.Playwright;

namespace AuditAdmin.Tests.Browser;

/// <summary>The browser's cookie session can request an export and download its zip; another signed-in admin cannot.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DownloadCookieBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveServer _server = default!;
    private string _aliceId = default!;

    public async ValueTask InitializeAsync()
    {
        _server = new LiveServer(new Dictionary<string, string?> { ["Export:MaxLogsPerFile"] = "4" });
        _aliceId = (await _server.CreateUserAsync("alice", admin: true)).Id;
        await _server.CreateUserAsync("mallory", admin: true);
        await ActivitySeed.InsertAsync(_server.DbFactory, ActivitySeed.Rows(9));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SignedInAdmin_ShouldExportAndDownloadWithTheCookie_AndNobodyElseShould()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SignInAsync(_server.BaseUrl, "alice");

        var created = await page.APIRequest.PostAsync($"{_server.BaseUrl}/_api/v3/audit-log-bulk-export",
            new APIRequestContextOptions { DataObject = new { filters = new { dateTo = "2025-12-31" } } });
        Assert.Equal(201, created.Status);
        var jobId = (await created.JsonAsync())!.Value.GetProperty("jobId").GetGuid();
        var job = await ExportCompletion.WaitAsync(_server.Services, _aliceId, jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);

        var status = await page.APIRequest.GetAsync($"{_server.BaseUrl}/_api/v3/audit-log-bulk-export/{jobId}");
        var downloadUrl = (await status.JsonAsync())!.Value.GetProperty("downloadUrl").GetString()!;
        var download = await page.RunAndWaitForDownloadAsync(() => page.EvaluateAsync(
            "url => { const a = document.createElement('a'); a.href = url; document.body.appendChild(a); a.click(); }", downloadUrl));
        Assert.Equal($"audit-logs-{job.FilterHash}.zip", download.SuggestedFilename);
        var zip = await ExportZip.ReadAsync(await download.PathAsync());
        Assert.Equal(9, zip.Ids.Count);

        await using var otherContext = await browser.Browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await other.SignInAsync(_server.BaseUrl, "mallory");
        var refused = await other.APIRequest.GetAsync($"{_server.BaseUrl}{downloadUrl}");
        Assert.Equal(404, refused.Status);
        Assert.Equal(JsonValueKind.Object, (await refused.JsonAsync())!.Value.ValueKind);
    }
}
