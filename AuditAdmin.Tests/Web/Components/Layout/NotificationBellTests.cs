using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Web.Components.Layout;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Components.Layout;

public sealed class NotificationBellTests : IAsyncLifetime
{
    private const string UserId = "user-alice";
    private SqliteTestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private MudTestContext Context(string culture = "en", bool auditLogEnabled = true)
    {
        return new MudTestContext(culture, ctx =>
        {
            ctx.AddAuditAdminServices(_db, new Dictionary<string, string?>
            {
                ["AuditLog:ActionGroupSize"] = "MEDIUM",
                ["AuditLog:Enabled"] = auditLogEnabled ? "true" : "false",
            });
            ctx.SignIn(UserId, "alice");
        });
    }

    private Task<InAppNotification> SeedAsync(string action, Guid jobId, int minutesAgo, string userId = UserId,
        string status = InAppNotificationStatus.Unopened) =>
        NotificationSeed.AddNotificationAsync(_db, userId, action, jobId, DateTime.UtcNow.AddMinutes(-minutesAgo), status);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OpenBell_ShouldSayExportsArePaused_OnlyWhileTheAuditLogIsDisabled(bool enabled)
    {
        await using var ctx = Context(auditLogEnabled: enabled);
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<NotificationBell>();

        await cut.Find("[data-testid=notification-bell]").ClickAsync(new());

        providers.WaitForElement("[data-testid=notification-panel]", Patience);
        Assert.Equal(enabled ? 0 : 1, providers.FindAll("[data-testid=notification-exports-paused]").Count);
    }

    [Fact]
    public async Task Bell_ShouldShowTheUnreadCountFromTheDatabase()
    {
        await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 3);
        await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 2);
        await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 1, status: InAppNotificationStatus.Opened);
        await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 1, userId: "someone-else");
        await using var ctx = Context();

        var cut = ctx.Render<NotificationBell>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=notification-count]").TextContent), Patience);
    }

    [Fact]
    public async Task Bell_ShouldUpdateLive_WhenANotificationIsSentToTheUser()
    {
        await using var ctx = Context();
        var cut = ctx.Render<NotificationBell>();
        Assert.Empty(cut.FindAll("[data-testid=notification-count]"));
        var notifications = ctx.Services.GetRequiredService<NotificationService>();

        await notifications.NotifyAsync("someone-else", SupportedActions.AuditLogBulkExportFailed,
            ExportService.TargetModel, Guid.CreateVersion7().ToString(), Ct);
        Assert.Empty(cut.FindAll("[data-testid=notification-count]"));

        await notifications.NotifyAsync(UserId, SupportedActions.AuditLogBulkExportFailed,
            ExportService.TargetModel, Guid.CreateVersion7().ToString(), Ct);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=notification-count]").TextContent), Patience);

        await notifications.NotifyAsync(UserId, SupportedActions.AuditLogBulkExportNoResults,
            ExportService.TargetModel, Guid.CreateVersion7().ToString(), Ct);
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=notification-count]").TextContent), Patience);
    }

    [Fact]
    public async Task Panel_ShouldListNewestFirst_WithEachKindsMessageAndADownloadLinkOnlyForAReadyZip()
    {
        var now = DateTime.UtcNow;
        var ready = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, now, withAttachment: true, count: 1234);
        var gone = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, now);
        await SeedAsync(SupportedActions.AuditLogBulkExportNoResults, Guid.CreateVersion7(), 50);
        await SeedAsync(SupportedActions.AuditLogBulkExportJobExpired, Guid.CreateVersion7(), 40);
        await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 30);
        await SeedAsync(SupportedActions.AuditLogBulkExportCompleted, gone.Id, 20);
        await SeedAsync(SupportedActions.AuditLogBulkExportCompleted, ready.Id, 10);
        await using var ctx = Context();
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<NotificationBell>();

        await cut.Find("[data-testid=notification-bell]").ClickAsync(new());

        var items = providers.WaitForElements("[data-testid=notification-item]", 5, Patience);
        Assert.Equal(
            [
                "Your audit log export is ready — click to download.",
                "This audit log export can no longer be downloaded.",
                "Your audit log export failed.",
                "Your audit log export took too long and was stopped.",
                "Your audit log export found no matching records.",
            ],
            items.Select(i => i.QuerySelector("[data-testid=notification-message]")!.TextContent));
        Assert.Equal("A", items[0].TagName);
        Assert.Equal($"/download/{ready.AttachmentId}", items[0].GetAttribute("href"));
        Assert.True(items[0].HasAttribute("download"));
        Assert.StartsWith("· 1,234 records, complete as of ", items[0].QuerySelector("[data-testid=notification-completeness]")!.TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.All(items.Skip(1), i => Assert.Null(i.GetAttribute("href")));
        Assert.All(items.Skip(1), i => Assert.Equal("true", i.GetAttribute("aria-disabled")));
        Assert.All(items.Skip(1), i => Assert.Equal("There is nothing to open: this notice has no zip to download.", i.GetAttribute("title")));
        Assert.Null(items[0].GetAttribute("aria-disabled"));
    }

    [Fact]
    public async Task Panel_ShouldShowADownloadAsExpired_WhenTheDownloadWindowHasPassed()
    {
        var completedAt = DateTime.UtcNow.AddDays(-4);
        var job = await NotificationSeed.AddJobAsync(_db, UserId, ExportStatus.Completed, completedAt, withAttachment: true);
        await SeedAsync(SupportedActions.AuditLogBulkExportCompleted, job.Id, 60 * 24 * 4);
        await using var ctx = Context();
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<NotificationBell>();

        await cut.Find("[data-testid=notification-bell]").ClickAsync(new());

        var item = providers.WaitForElement("[data-testid=notification-item]", Patience);
        Assert.Equal(ExportNotificationKinds.DownloadExpired, item.GetAttribute("data-kind"));
        Assert.Null(item.GetAttribute("href"));
    }

    [Fact]
    public async Task ClickingANotification_ShouldMarkItOpened_AndLowerTheCount()
    {
        var clicked = await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 1);
        var other = await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 2);
        await using var ctx = Context();
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<NotificationBell>();
        await cut.Find("[data-testid=notification-bell]").ClickAsync(new());

        await providers.WaitForElements("[data-testid=notification-item]", 2, Patience)[0].ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=notification-count]").TextContent), Patience);
        Assert.Equal(InAppNotificationStatus.Opened, await NotificationSeed.StatusAsync(_db, clicked.Id));
        Assert.Equal(InAppNotificationStatus.Unopened, await NotificationSeed.StatusAsync(_db, other.Id));
        providers.WaitForAssertion(() => Assert.Equal(InAppNotificationStatus.Opened,
            providers.FindAll("[data-testid=notification-item]")[0].GetAttribute("data-status")), Patience);
    }

    [Fact]
    public async Task MarkAll_ShouldOpenEveryUnreadNotificationOfTheUser_AndRecordTheActivity()
    {
        var mine = await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 1);
        var alsoMine = await SeedAsync(SupportedActions.AuditLogBulkExportNoResults, Guid.CreateVersion7(), 2);
        var theirs = await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 1, userId: "someone-else");
        await using var ctx = Context();
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<NotificationBell>();
        await cut.Find("[data-testid=notification-bell]").ClickAsync(new());

        await providers.WaitForElement("[data-testid=notification-mark-all]", Patience).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=notification-count]")), Patience);
        Assert.Equal(InAppNotificationStatus.Opened, await NotificationSeed.StatusAsync(_db, mine.Id));
        Assert.Equal(InAppNotificationStatus.Opened, await NotificationSeed.StatusAsync(_db, alsoMine.Id));
        Assert.Equal(InAppNotificationStatus.Unopened, await NotificationSeed.StatusAsync(_db, theirs.Id));
        await using var db = _db.CreateDbContext();
        var recorded = await db.Activities.SingleAsync(Ct);
        Assert.Equal(SupportedActions.InAppNotificationAllStatusesOpen, recorded.Action);
        Assert.Equal(UserId, recorded.UserId);
    }

    [Fact]
    public async Task Messages_ShouldBeRenderedInTheReadersLanguage()
    {
        await SeedAsync(SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), 1);
        await using var ctx = Context("fr");
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<NotificationBell>();

        await cut.Find("[data-testid=notification-bell]").ClickAsync(new());

        Assert.Equal("L'export du journal d'audit a échoué.",
            providers.WaitForElement("[data-testid=notification-message]", Patience).TextContent);
    }
}
