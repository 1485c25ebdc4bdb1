using System.Globalization;
using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Pages.Export;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AuditAdmin.Tests.Web.Components.Pages.Export;

/// <summary>The dialog against the real ExportService and a real SQLite database (no scheduler runs, so jobs stay in progress).</summary>
public sealed class ExportDialogTests : IAsyncLifetime
{
    private const string UserId = "admin-alice";
    private const string Zone = "Asia/Tokyo";
    private SqliteTestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await SqliteTestDatabase.CreateAsync();
        await _db.AddUserAsync(UserId, "alice", UserRole.Admin);
        // So that alice is not the last administrator, whose role cannot be taken.
        await _db.AddUserAsync("admin-bob", "bob", UserRole.Admin);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<string> TwoActions = [.. ActionCatalog.InGroup(ActionGroups.Small).Take(2)];

    private static readonly ActivityFilter Filter = new()
    {
        Usernames = ["alice", "bob"],
        Actions = TwoActions,
        StartDate = new DateOnly(2026, 3, 1),
        EndDate = new DateOnly(2026, 3, 2),
    };

    private MudTestContext Context(string culture = "en", IDictionary<string, string?>? settings = null) => new(culture, ctx =>
    {
        ctx.AddAuditAdminServices(_db, settings);
        ctx.SignIn(UserId, "alice", admin: true, timeZone: Zone);
    });

    /// <summary>Rows for the estimate: 3 of alice and 2 of bob inside the filter's days (in Tokyo), and some outside.</summary>
    private async Task SeedAsync()
    {
        await using var db = _db.CreateDbContext();
        var inside = new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc);
        foreach (var (name, at) in new[] { ("alice", inside), ("alice", inside), ("alice", inside), ("bob", inside), ("bob", inside),
            ("alice", new DateTime(2026, 2, 28, 14, 59, 0, DateTimeKind.Utc)), ("carol", inside) })
        {
            db.Activities.Add(new Activity { Username = name, Action = TwoActions[0], CreatedAt = at, Snapshot = $$"""{"username":"{{name}}"}""" });
        }
        await db.SaveChangesAsync(Ct);
    }

    private static string Estimate(Opened opened, string state = "ready")
    {
        opened.Dialogs.WaitForAssertion(
            () => Assert.Equal(state, opened.Dialogs.Find("[data-testid=export-estimate]").GetAttribute("data-state")), Patience);
        return opened.Dialogs.Find("[data-testid=export-estimate]").TextContent.Trim();
    }

    [Fact]
    public async Task Estimate_ShouldSayHowManyRecordsAndHowLarge_AndFollowTheFilters()
    {
        await SeedAsync();
        await using var ctx = Context();
        var opened = await OpenAsync(ctx, Filter);

        Assert.Equal("About 5 records, about 1 KB", Estimate(opened));

        // Two changes in quick succession: the first one's estimate is superseded, and the second one's is shown.
        var picker = opened.Dialogs.FindComponent<AuditAdmin.Web.Components.Shared.Activities.UsernamePicker>();
        await picker.InvokeAsync(async () =>
        {
            await picker.Instance.ValueChanged.InvokeAsync(["bob"]);
            await picker.Instance.ValueChanged.InvokeAsync(["alice", "carol"]);
        });

        Assert.Equal("pending", opened.Dialogs.Find("[data-testid=export-estimate]").GetAttribute("data-state"));
        Assert.Equal("Counting the matching records…", opened.Dialogs.Find("[data-testid=export-estimate]").TextContent.Trim());
        Assert.Equal("About 4 records, about 1 KB", Estimate(opened));
    }

    [Fact]
    public async Task Estimate_ShouldSayMoreThan_WhenCountingStoppedAtTheCap_InTheViewersLanguage()
    {
        await SeedAsync();
        await using var ctx = Context("fr", new Dictionary<string, string?> { ["Export:EstimateCountCap"] = "2" });

        var opened = await OpenAsync(ctx, Filter);

        Assert.Matches(@"^Plus de 2 enregistrements, plus de 1 Ko$", Estimate(opened));
    }

    [Fact]
    public async Task Estimate_ShouldSayNothingMatches_WhenNoRecordMatches()
    {
        await using var ctx = Context();

        var opened = await OpenAsync(ctx, Filter);

        Assert.Equal("No records match these filters.", Estimate(opened));
    }

    [Fact]
    public async Task Format_ShouldOfferEachFormat_AndRequestTheChosenOne()
    {
        await using var ctx = Context();
        var opened = await OpenAsync(ctx, Filter);
        var select = opened.Dialogs.FindComponent<MudSelect<string>>();
        Assert.Equal("JSON (GROWI-compatible)", opened.Dialogs.Find("[data-testid=export-format]").TextContent.Trim());

        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("csv"));
        await opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        await ClosedAsync(opened);
        var job = Assert.Single(await JobsAsync());
        Assert.Equal("csv", job.Format);
    }

    [Fact]
    public async Task Format_ShouldNameTheFormatsInTheViewersLanguage()
    {
        await using var ctx = Context("ja");
        var opened = await OpenAsync(ctx, Filter);

        await opened.Dialogs.FindComponent<MudSelect<string>>().Find(".mud-input-control").MouseDownAsync(new());

        opened.Popovers.WaitForAssertion(() => Assert.Equal(["JSON（GROWI 互換）", "NDJSON（1 行に 1 レコード）", "CSV（表計算ソフト用、あなたの言語とタイムゾーン）"],
            opened.Popovers.FindAll(".mud-list-item").Select(e => e.TextContent.Trim())), Patience);
    }

    private sealed record Opened(IDialogReference Reference, IRenderedComponent<MudDialogProvider> Dialogs,
        IRenderedComponent<MudSnackbarProvider> Snackbars, IRenderedComponent<MudPopoverProvider> Popovers);

    private static async Task<Opened> OpenAsync(MudTestContext ctx, ActivityFilter filter)
    {
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var popovers = ctx.Render<MudPopoverProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ExportDialog> { { d => d.InitialFilter, filter } };
        var reference = await dialogs.InvokeAsync(() => service.ShowAsync<ExportDialog>(null, parameters));
        dialogs.WaitForElement("[data-testid=export-submit]");
        return new Opened(reference, dialogs, snackbars, popovers);
    }

    /// <summary>The dialog's result once it has closed; fails (rather than hangs) when it stays open.</summary>
    private static async Task<DialogResult> ClosedAsync(Opened opened)
    {
        opened.Dialogs.WaitForAssertion(() => Assert.Empty(opened.Dialogs.FindAll("[data-testid=export-dialog]")), Patience);
        Assert.True(opened.Reference.Result.IsCompleted);
        return (await opened.Reference.Result)!;
    }

    private async Task<List<AuditLogBulkExportJob>> JobsAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.AuditLogBulkExportJobs.AsNoTracking().Where(j => j.UserId == UserId).ToListAsync(Ct);
    }

    [Fact]
    public async Task Dialog_ShouldShowTheInitialFilter()
    {
        await using var ctx = Context();

        var opened = await OpenAsync(ctx, Filter);

        Assert.Equal("Export audit log", opened.Dialogs.Find(".mud-dialog-title").TextContent.Trim());
        Assert.Equal(["alice", "bob"], opened.Dialogs.FindAll("[data-testid=username-chip]").Select(c => c.GetAttribute("data-username")));
        var dates = opened.Dialogs.FindAll("[data-testid=date-range-picker] input").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([new DateTime(2026, 3, 1).ToString("d", CultureInfo.CurrentCulture), new DateTime(2026, 3, 2).ToString("d", CultureInfo.CurrentCulture)], dates);
        Assert.Contains("2", opened.Dialogs.Find("[data-testid=action-selector-toggle]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ShouldRequestTheFilterInTheViewersZone_ConfirmWithASnackbar_AndClose()
    {
        await using var ctx = Context();
        var opened = await OpenAsync(ctx, Filter);

        await opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        var result = await ClosedAsync(opened);
        Assert.False(result.Canceled);
        opened.Snackbars.WaitForAssertion(() => Assert.Contains("Export requested — you will be notified when it is ready.",
            opened.Snackbars.Markup, StringComparison.Ordinal), Patience);
        var job = Assert.Single(await JobsAsync());
        Assert.Equal(result.Data, job.Id);
        Assert.Equal(ExportStatus.Exporting, job.Status);
        using var filters = JsonDocument.Parse(job.Filters);
        var root = filters.RootElement;
        Assert.Equal(["alice", "bob"], root.GetProperty("usernames").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(TwoActions.Order(StringComparer.Ordinal), root.GetProperty("actions").EnumerateArray().Select(e => e.GetString()!));
        // Whole days in Tokyo (UTC+9): 1 March 00:00 JST to the last instant of 2 March JST.
        Assert.Equal(new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc), Utc(root.GetProperty("dateFrom")));
        Assert.Equal(new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc).AddTicks(-1), Utc(root.GetProperty("dateTo")));
    }

    [Fact]
    public async Task Export_ShouldRecordTheRequest_WithTheBrowsersAddressAndThePage()
    {
        await using var ctx = Context();
        ctx.Services.GetRequiredService<AuditAdmin.Web.Infrastructure.ClientConnection>().Ip = "203.0.113.7";
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/admin/audit-log?page=2");
        var opened = await OpenAsync(ctx, Filter);

        await opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        await ClosedAsync(opened);
        var job = Assert.Single(await JobsAsync());
        await using var db = _db.CreateDbContext();
        var requested = await db.Activities.AsNoTracking()
            .SingleAsync(a => a.Action == SupportedActions.AuditLogBulkExportRequested && a.Target == job.Id.ToString(), Ct);
        Assert.Equal("203.0.113.7", requested.Ip);
        Assert.Equal("/admin/audit-log", requested.Endpoint);
    }

    [Fact]
    public async Task Export_ShouldBeRefused_WhenNoActionIsSelected_BecauseThePageShowsNothingForIt()
    {
        await using var ctx = Context();

        var opened = await OpenAsync(ctx, Filter with { Actions = [] });

        Assert.Contains("Select at least one action", opened.Dialogs.Find("[data-testid=export-no-actions]").TextContent, StringComparison.Ordinal);
        Assert.True(opened.Dialogs.Find("[data-testid=export-submit]").HasAttribute("disabled"));
        Assert.Empty(await JobsAsync());
    }

    [Fact]
    public async Task Export_ShouldBeOffered_WhenEveryActionIsSelected()
    {
        await using var ctx = Context();

        var opened = await OpenAsync(ctx, Filter with { Actions = null });

        Assert.Empty(opened.Dialogs.FindAll("[data-testid=export-no-actions]"));
        Assert.False(opened.Dialogs.Find("[data-testid=export-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Export_ShouldAskToRestart_WhenTheSameExportIsRunning_AndKeepItWhenTheAdminDeclines()
    {
        await using var ctx = Context();
        var running = await RequestDirectlyAsync(ctx);
        var opened = await OpenAsync(ctx, Filter);

        // The click's handler waits for the confirmation, so it completes only after the answer below.
        var submit = opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        var message = opened.Dialogs.WaitForElement("[data-testid=duplicate-export-message]", Patience).TextContent;
        var startedAt = UserTime.Format(running.CreatedAt, UserTime.FindZone(Zone), CultureInfo.CurrentCulture);
        Assert.Equal($"An export with the same conditions is already in progress (started {startedAt}). Restart it?", message);

        await opened.Dialogs.Find("[data-testid=duplicate-export-keep]").ClickAsync(new());
        await submit;

        opened.Dialogs.WaitForAssertion(() => Assert.Empty(opened.Dialogs.FindAll("[data-testid=duplicate-export-dialog]")), Patience);
        Assert.Single(opened.Dialogs.FindAll("[data-testid=export-dialog]"));
        Assert.False(opened.Reference.Result.IsCompleted);
        opened.Dialogs.WaitForAssertion(() => Assert.False(opened.Dialogs.Find("[data-testid=export-submit]").HasAttribute("disabled")), Patience);
        var job = Assert.Single(await JobsAsync());
        Assert.False(job.RestartFlag);
    }

    [Fact]
    public async Task Restart_ShouldResendWithRestartJob_AndFlagTheRunningExport()
    {
        await using var ctx = Context();
        var running = await RequestDirectlyAsync(ctx);
        var opened = await OpenAsync(ctx, Filter);
        var submit = opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        await opened.Dialogs.WaitForElement("[data-testid=duplicate-export-restart]", Patience).ClickAsync(new());
        await submit;

        var result = await ClosedAsync(opened);
        Assert.False(result.Canceled);
        Assert.Equal(running.Id, result.Data);
        opened.Snackbars.WaitForAssertion(() => Assert.Contains("Export restarted — you will be notified when it is ready.",
            opened.Snackbars.Markup, StringComparison.Ordinal), Patience);
        var job = Assert.Single(await JobsAsync());
        Assert.True(job.RestartFlag);
    }

    [Fact]
    public async Task Export_ShouldShowAnErrorAndStayOpen_WhenTheRequestFails()
    {
        await using var ctx = Context();
        var opened = await OpenAsync(ctx, Filter with { Actions = ["NOT_A_CATALOG_ACTION"] });

        await opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        opened.Snackbars.WaitForAssertion(() => Assert.Contains("The export could not be requested. Please try again later.",
            opened.Snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.Single(opened.Dialogs.FindAll("[data-testid=export-dialog]"));
        Assert.False(opened.Dialogs.Find("[data-testid=export-submit]").HasAttribute("disabled"));
        Assert.False(opened.Reference.Result.IsCompleted);
        Assert.Empty(await JobsAsync());
    }

    [Fact]
    public async Task Export_ShouldBeRefused_InAnOpenDialog_OnceTheViewersRoleIsRevokedInAnotherSession()
    {
        await using var ctx = Context();
        var opened = await OpenAsync(ctx, Filter);
        await using (var scope = ctx.Services.CreateAsyncScope())
        {
            var revoked = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .SetRoleAsync(UserId, UserRole.User, UserAdminActor.Operator("other session"), Ct);
            Assert.True(revoked.Succeeded, revoked.Describe());
        }

        await opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        opened.Snackbars.WaitForAssertion(() => Assert.Contains("You are no longer allowed to export the audit log.",
            opened.Snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.True((await ClosedAsync(opened)).Canceled);
        Assert.Empty(await JobsAsync());
    }

    [Fact]
    public async Task Export_ShouldBeAccepted_ForAnAuditor()
    {
        await using var ctx = Context();
        await using (var scope = ctx.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .SetRoleAsync(UserId, UserRole.Auditor, UserAdminActor.Operator("test"), Ct)).Succeeded);
        }
        var opened = await OpenAsync(ctx, Filter);

        await opened.Dialogs.Find("[data-testid=export-submit]").ClickAsync(new());

        Assert.False((await ClosedAsync(opened)).Canceled);
        Assert.Single(await JobsAsync());
    }

    private static async Task<AuditLogBulkExportJob> RequestDirectlyAsync(MudTestContext ctx)
    {
        var exports = ctx.Services.GetRequiredService<ExportService>();
        var filters = ExportFilters.FromActivityFilter(Filter, UserTime.FindZone(Zone));
        var accepted = Assert.IsType<ExportRequestResult.Accepted>(await exports.RequestAsync(UserId, filters, restartJob: false, Ct));
        return (await exports.FindJobAsync(UserId, accepted.JobId, Ct))!;
    }

    private static DateTime Utc(JsonElement value) =>
        DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
