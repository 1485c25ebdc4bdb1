using System.Globalization;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Pages.Export;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Components.Pages.Export;

public sealed class ExportsPageTests : IAsyncLifetime
{
    private const string UserId = "admin-alice";
    private const string Zone = "Asia/Tokyo";
    private static readonly TimeSpan Patience = MudTestContext.QueryTimeout;
    private SqliteTestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private MudTestContext Context(string culture = "en", bool auditLogEnabled = true) => new(culture, ctx =>
    {
        ctx.AddAuditAdminServices(_db);
        ctx.Services.Configure<AuditLogOptions>(o => o.Enabled = auditLogEnabled);
        ctx.SignIn(UserId, "alice", admin: true, timeZone: Zone);
    });

    [Fact]
    public async Task Page_ShouldSayExportsArePaused_AndOfferNoDownload_WhileTheAuditLogIsDisabled()
    {
        await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);
        await using var ctx = Context(auditLogEnabled: false);

        var cut = ctx.Render<ExportsPage>();

        var row = cut.WaitForElement("[data-testid=export-row]", Patience);
        Assert.Contains("exports in progress wait where they are", cut.Find("[data-testid=exports-paused]").TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("[data-testid=export-download]"));
        Assert.NotNull(row.QuerySelector("[data-testid=export-download-paused]"));
        Assert.Null(row.QuerySelector("[data-testid=export-download-expired]"));
    }

    private static string Filters(ExportFilters filters) => CanonicalExportFilters.From(filters).Json;

    [Fact]
    public async Task Page_ShouldListTheAdminsJobs_WithStatusCountTimesFiltersAndADownloadOnlyWhileAvailable()
    {
        var now = DateTime.UtcNow;
        var action = ActionCatalog.InGroup(ActionGroups.Small).First();
        var ready = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, now.AddMinutes(-5), withAttachment: true,
            createdAt: now.AddMinutes(-10), count: 12345, filters: Filters(new ExportFilters
            {
                Usernames = ["bob", "carol"],
                Actions = [action],
                DateFrom = new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc),
                DateTo = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc).AddTicks(-1),
            }));
        var stale = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, now.AddDays(-4), withAttachment: true,
            createdAt: now.AddDays(-4).AddMinutes(-1));
        var running = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Exporting, createdAt: now.AddMinutes(-1), count: 10);
        await NotificationSeed.AddJobAsync(_db, "someone-else", ExportStatus.Completed, now, withAttachment: true);
        await using var ctx = Context();

        var cut = ctx.Render<ExportsPage>();

        var rows = cut.WaitForElements("[data-testid=export-row]", 3, Patience);
        Assert.Equal([running.Id.ToString(), ready.Id.ToString(), stale.Id.ToString()], rows.Select(r => r.GetAttribute("data-job-id")));
        Assert.Equal(["Exporting", "Ready", "Ready"], rows.Select(r => r.QuerySelector("[data-testid=export-status]")!.TextContent.Trim()));
        Assert.Equal("12,345", rows[1].QuerySelector("[data-testid=export-count]")!.TextContent);
        Assert.Equal($"complete as of {UserTime.Format(ready.AsOfAt, UserTime.FindZone(Zone), CultureInfo.CurrentCulture)}",
            rows[1].QuerySelector("[data-testid=export-complete-as-of]")!.TextContent);
        Assert.Null(rows[0].QuerySelector("[data-testid=export-complete-as-of]"));
        Assert.Contains(UserTime.Format(ready.CreatedAt, UserTime.FindZone(Zone), CultureInfo.CurrentCulture), rows[1].TextContent, StringComparison.Ordinal);
        var label = ctx.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<AuditAdmin.Resources.ActionLabels>>()[action];
        Assert.Equal($"Users: bob, carol · {label} · 3/1/2026 – 3/2/2026", rows[1].QuerySelector("[data-testid=export-filters]")!.TextContent);
        Assert.Equal("All users · All actions · Any date", rows[0].QuerySelector("[data-testid=export-filters]")!.TextContent);

        var download = rows[1].QuerySelector("[data-testid=export-download]")!;
        Assert.Equal($"/download/{ready.AttachmentId}", download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));
        Assert.Null(rows[0].QuerySelector("[data-testid=export-download]"));
        Assert.Null(rows[2].QuerySelector("[data-testid=export-download]"));
        Assert.NotNull(rows[2].QuerySelector("[data-testid=export-download-expired]"));
    }

    [Fact]
    public async Task StatusFilter_ShouldShowOnlyThatStatus_AndEachRowItsFormat_WithALinkToVerify()
    {
        var now = DateTime.UtcNow;
        var running = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Exporting, createdAt: now.AddMinutes(-1));
        var ready = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, now, withAttachment: true, createdAt: now.AddMinutes(-2));
        var failed = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Failed, createdAt: now.AddMinutes(-3));
        await using var ctx = Context();
        var cut = ctx.Render<ExportsPage>();
        cut.WaitForElements("[data-testid=export-row]", 3, Patience);
        Assert.All(cut.FindAll("[data-testid=export-format]"), f => Assert.Equal("JSON", f.TextContent));
        Assert.Equal("admin/verify", cut.Find("[data-testid=exports-verify]").GetAttribute("href"));

        await cut.Find("[data-testid=exports-filter-inprogress]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal([running.Id.ToString()], JobIds(cut)), Patience);
        await cut.Find("[data-testid=exports-filter-failed]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal([failed.Id.ToString()], JobIds(cut)), Patience);
        await cut.Find("[data-testid=exports-filter-all]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal([running.Id.ToString(), ready.Id.ToString(), failed.Id.ToString()], JobIds(cut)), Patience);
    }

    private static List<string?> JobIds(IRenderedComponent<ExportsPage> cut) =>
        [.. cut.FindAll("[data-testid=export-row]").Select(r => r.GetAttribute("data-job-id"))];

    [Fact]
    public async Task CancelButton_ShouldAskFirst_ThenCancelTheRunningExport()
    {
        var running = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Exporting, createdAt: DateTime.UtcNow.AddMinutes(-1));
        await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);
        await using var ctx = Context();
        var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
        ctx.Render<MudBlazor.MudSnackbarProvider>();
        ctx.Render<MudBlazor.MudPopoverProvider>();
        var cut = ctx.Render<ExportsPage>();
        cut.WaitForElements("[data-testid=export-row]", 2, Patience);
        Assert.Single(cut.FindAll("[data-testid=export-cancel]"));

        // The click's handler waits for the answer to its confirmation: answer it, then let the handler finish.
        var clicked = cut.Find("[data-testid=export-cancel]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Contains("Cancel the export", StringComparison.Ordinal)),
            Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Cancel the export", StringComparison.Ordinal)).ClickAsync(new());
        await clicked.WaitAsync(Patience, Ct);

        cut.WaitForAssertion(() => Assert.Equal("Cancelled",
            cut.Find($"[data-job-id='{running.Id}'] [data-testid=export-status]").TextContent.Trim()), Patience);
        Assert.Empty(cut.FindAll("[data-testid=export-cancel]"));
        await using var db = _db.CreateDbContext();
        Assert.Equal(ExportStatus.Cancelled, (await db.AuditLogBulkExportJobs.SingleAsync(j => j.Id == running.Id, Ct)).Status);
    }

    [Fact]
    public async Task Page_ShouldShowAZipAsGone_WhenItsAttachmentWasRemoved()
    {
        var job = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);
        await using (var db = _db.CreateDbContext())
        {
            await db.Attachments.Where(a => a.Id == job.AttachmentId).ExecuteDeleteAsync(Ct);
        }
        await using var ctx = Context();

        var cut = ctx.Render<ExportsPage>();

        var row = cut.WaitForElement("[data-testid=export-row]", Patience);
        Assert.Null(row.QuerySelector("[data-testid=export-download]"));
        Assert.NotNull(row.QuerySelector("[data-testid=export-download-expired]"));
    }

    [Fact]
    public async Task Page_ShouldFollowAJobLive_WhenThePipelinePublishesAStatusChange()
    {
        var job = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Exporting, createdAt: DateTime.UtcNow);
        await using var ctx = Context();
        var cut = ctx.Render<ExportsPage>();
        cut.WaitForAssertion(() => Assert.Equal(ExportStatus.Exporting, cut.Find("[data-testid=export-row]").GetAttribute("data-status")), Patience);

        var completed = await NotificationSeed.AddJobAsync(_db, "unrelated", ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);
        await using (var db = _db.CreateDbContext())
        {
            await db.AuditLogBulkExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportStatus.Completed)
                .SetProperty(j => j.CompletedAt, DateTime.UtcNow)
                .SetProperty(j => j.TotalExportedCount, 7)
                .SetProperty(j => j.AttachmentId, completed.AttachmentId), Ct);
        }
        await ctx.Services.GetRequiredService<NotificationBroadcaster>().PublishAsync(UserId);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=export-row]");
            Assert.Equal(ExportStatus.Completed, row.GetAttribute("data-status"));
            Assert.Equal("7", row.QuerySelector("[data-testid=export-count]")!.TextContent);
            Assert.NotNull(row.QuerySelector("[data-testid=export-download]"));
        }, Patience);
    }

    [Fact]
    public async Task Page_ShouldSayWhenThereIsNoExport_InTheReadersLanguage()
    {
        await using var ctx = Context("ja");

        var cut = ctx.Render<ExportsPage>();

        Assert.Equal("エクスポートのリクエストはまだありません。", cut.WaitForElement("[data-testid=exports-empty]", Patience).TextContent.Trim());
    }
}
