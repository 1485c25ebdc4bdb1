using System.IO.Compression;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Playwright;
using static AuditAdmin.Tests.TestInfrastructure.ActivityComponentServices;

namespace AuditAdmin.Tests.Browser;

/// <summary>
/// An auditor's loop in Chromium: export, download the zip from the bell, drop it on the Verify page and read that it
/// is authentic; drop a copy with one record changed and read which file failed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class VerifyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task VerifyPage_ShouldCallTheDownloadedZipAuthentic_AndSayWhyATamperedCopyIsNot()
    {
        await using var server = new LiveServer();
        await server.CreateUserAsync("alice", admin: true);
        await using (var db = await server.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var at = DateTime.UtcNow.AddHours(-1);
            db.Activities.AddRange(Enumerable.Range(0, 4).Select(i => Row("bob", SupportedActions.PageCreate, at.AddMinutes(i))));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(server.BaseUrl, "alice");
        await page.GotoAsync($"{server.BaseUrl}/admin/audit-log?users=bob&actions=PAGE_CREATE");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid=audit-log-export]");
        await page.ClickAsync("[data-testid=export-submit]");
        await page.ClickAsync("[data-testid=notification-bell]");
        var ready = page.Locator("[data-testid=notification-item][data-kind=ExportReady]");
        // The panel refreshes live when the job completes.
        await Assertions.Expect(ready).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
        var zipPath = await download.PathAsync();

        await page.GotoAsync($"{server.BaseUrl}/admin/verify");
        await page.WaitForInteractiveAsync();
        await page.SetInputFilesAsync("[data-testid=verify-input]", new FilePayload
        {
            Name = "audit-logs.zip",
            MimeType = "application/zip",
            Buffer = await File.ReadAllBytesAsync(zipPath, TestContext.Current.CancellationToken),
        });
        var result = page.Locator("[data-testid=verify-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-authentic", "true");
        await Assertions.Expect(page.Locator("[data-testid=verify-authentic]")).ToContainTextAsync("audit-logs.zip is authentic");
        await Assertions.Expect(page.Locator("[data-testid=verify-summary]")).ToContainTextAsync("4 records in 1 files");

        var (tampered, fileName) = WithOneRecordChanged(zipPath);
        await page.SetInputFilesAsync("[data-testid=verify-input]", new FilePayload
        {
            Name = "changed.zip",
            MimeType = "application/zip",
            Buffer = tampered,
        });
        await Assertions.Expect(result).ToHaveAttributeAsync("data-authentic", "false");
        var problem = page.Locator("[data-testid=verify-problem][data-kind=FileHashMismatch]");
        await Assertions.Expect(problem).ToContainTextAsync($"{fileName} was changed");
    }

    private static (byte[] Zip, string FileName) WithOneRecordChanged(string zipPath)
    {
        using var output = new MemoryStream();
        string changed;
        using (var source = ZipFile.OpenRead(zipPath))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            changed = source.Entries.First(e => e.Name.StartsWith("audit-logs-", StringComparison.Ordinal)).FullName;
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                if (entry.FullName == changed)
                {
                    text = text.Replace("\"bob\"", "\"rob\"", StringComparison.Ordinal);
                }
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(text);
            }
        }
        return (output.ToArray(), changed);
    }
}
