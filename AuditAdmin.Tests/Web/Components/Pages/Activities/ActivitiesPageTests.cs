using AuditAdmin.Core.Features.Signing;
using Microsoft.AspNetCore.DataProtection;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Maintenance;
using AuditAdmin.Web.Components.Pages.Activities;
using AuditAdmin.Web.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.ActivityComponentServices;

namespace AuditAdmin.Tests.Web.Components.Pages.Activities;

public sealed class ActivitiesPageTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<string> SearchableByDefault =
        AvailableActions.WithCustody(AvailableActions.Compute(new AuditLogOptions(), includeEssential: false));

    private static readonly DateTime Start = new(2026, 1, 10, 8, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await _database.AddUserAsync("user-admin", "admin", AuditAdmin.Core.Identity.UserRole.Admin);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private MudTestContext NewContext(Action<AuditLogOptions>? configure = null) => new(configureServices: services =>
    {
        Over(_database, configure)(services);
        services.AddSingleton<ActivityRetention>();
        services.AddDataProtection();
        services.AddSingleton(new AuditAdmin.Core.AppPaths(_database.Directory));
        services.AddOptions<SigningOptions>();
        services.AddSingleton<SigningCertificates>();
        services.AddAppAuthorization(_database);
        services.AddSingleton<AuthenticationStateProvider>(new TestAuthenticationStateProvider("admin"));
        services.AddScoped<CurrentUser>();
    });

    private static async Task<IRenderedComponent<ActivitiesPage>> RenderLoadedAsync(MudTestContext ctx,
        IRenderedComponent<MudBlazor.MudPopoverProvider>? popovers = null)
    {
        if (popovers is null)
        {
            ctx.RenderProviders();
        }
        var cut = ctx.Render<ActivitiesPage>();
        // The summary is set as the page arrives, the rows a render later: wait for both.
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.DoesNotContain("0 – 0 of 0", cut.Find("[data-testid=audit-log-summary]").TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(cut.FindAll("[data-testid=cell-user]"));
        }, MudTestContext.QueryTimeout);
        return cut;
    }

    [Fact]
    public async Task ActivitiesPage_ShouldExplainHowToEnableIt_WhenTheAuditLogIsDisabled()
    {
        await using var ctx = NewContext(o => o.Enabled = false);
        ctx.RenderProviders();

        var cut = ctx.Render<ActivitiesPage>();

        var explanation = cut.Find("[data-testid=audit-log-disabled]").TextContent;
        Assert.Contains("AuditLog:Enabled=true", explanation, StringComparison.Ordinal);
        Assert.Contains("AUDIT_LOG_ENABLED=true", explanation, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=audit-log-table]"));
        Assert.Empty(cut.FindAll("[data-testid=activity-filter-bar]"));
    }

    [Fact]
    public async Task ActivitiesPage_ShouldShowTheNewestTenRows_AndTheSummary()
    {
        await _database.SeedAsync(Enumerable.Range(0, 12)
            .Select(i => Row($"user{i:00}", SupportedActions.PageCreate, Start.AddMinutes(i))).ToArray());
        await using var ctx = NewContext();

        var cut = await RenderLoadedAsync(ctx);

        Assert.Equal("1 – 10 of 12", cut.Find("[data-testid=audit-log-summary]").TextContent.Trim());
        var users = cut.FindAll("[data-testid=cell-user]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(10, users.Count);
        Assert.Equal("user11", users[0]);
        Assert.Equal("user02", users[^1]);
    }

    [Fact]
    public async Task NumberedPages_AndTheJumpBox_ShouldOpenThatPage_AndKeepItInTheUrl()
    {
        await _database.SeedAsync(Enumerable.Range(0, 95)
            .Select(i => Row($"user{i:00}", SupportedActions.PageCreate, Start.AddMinutes(i))).ToArray());
        await using var ctx = NewContext();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();

        var cut = await RenderLoadedAsync(ctx);

        var pages = cut.Find("[data-testid=audit-log-pages]");
        Assert.Contains("10", pages.TextContent, StringComparison.Ordinal);
        await cut.Find("[data-testid=audit-log-jump] input").ChangeAsync(new ChangeEventArgs { Value = "7" });
        await cut.Find("[data-testid=audit-log-jump]").SubmitAsync();

        await cut.WaitForAssertionAsync(() => Assert.Equal("61 – 70 of 95", cut.Find("[data-testid=audit-log-summary]").TextContent.Trim()),
            MudTestContext.QueryTimeout);
        Assert.Contains("page=7", new Uri(navigation.Uri).Query, StringComparison.Ordinal);
        Assert.Equal("user34", cut.Find("[data-testid=cell-user]").TextContent.Trim());

        // A number past the end lands on the last page.
        await cut.Find("[data-testid=audit-log-jump] input").ChangeAsync(new ChangeEventArgs { Value = "500" });
        await cut.Find("[data-testid=audit-log-jump]").SubmitAsync();
        await cut.WaitForAssertionAsync(() => Assert.Equal("91 – 95 of 95", cut.Find("[data-testid=audit-log-summary]").TextContent.Trim()),
            MudTestContext.QueryTimeout);
    }

    [Fact]
    public async Task ActivitiesPage_ShouldApplyTheFilterAndPageFromTheQueryString()
    {
        await _database.SeedAsync(
            Row("alice", SupportedActions.PageCreate, Start),
            Row("bob", SupportedActions.PageCreate, Start.AddMinutes(1)),
            Row("bob", SupportedActions.PageDelete, Start.AddMinutes(2)),
            Row("bob", SupportedActions.PageCreate, Start.AddDays(3)));
        await using var ctx = NewContext();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("admin/audit-log?users=bob&actions=PAGE_CREATE&from=2026-01-10&to=2026-01-11");

        var cut = await RenderLoadedAsync(ctx);

        Assert.Equal("1 – 1 of 1", cut.Find("[data-testid=audit-log-summary]").TextContent.Trim());
        Assert.Equal("bob", cut.Find("[data-testid=cell-user]").TextContent.Trim());
        Assert.Equal(["bob"], cut.FindAll("[data-testid=username-chip]").Select(e => e.GetAttribute("data-username")));
    }

    [Fact]
    public async Task IngestedRows_ShouldBeMarked_AndTheSourceFilterKeptInTheUrl()
    {
        var ingested = Row("sender-claims", SupportedActions.PageCreate, Start.AddMinutes(1));
        ingested.Source = ActivitySources.Ingested;
        ingested.IngestedBy = "integration";
        ingested.IngestedAt = Start.AddMinutes(2);
        await _database.SeedAsync(Row("alice", SupportedActions.PageCreate, Start), ingested);
        await using var ctx = NewContext();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("admin/audit-log?source=ingested");

        var cut = await RenderLoadedAsync(ctx);

        var user = Assert.Single(cut.FindAll("[data-testid=cell-user]"));
        Assert.StartsWith("sender-claims", user.TextContent.Trim(), StringComparison.Ordinal);
        var mark = cut.Find("[data-testid=cell-ingested]");
        Assert.Equal("ingested", mark.TextContent.Trim());
        Assert.StartsWith("Sent through the ingestion API by integration on ", mark.GetAttribute("title"), StringComparison.Ordinal);

        var source = cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Source");
        await cut.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync(ActivitySources.App));

        Assert.Equal("?source=app", new Uri(navigation.Uri).Query);
        await cut.WaitForAssertionAsync(() => Assert.Equal("alice", Assert.Single(cut.FindAll("[data-testid=cell-user]")).TextContent.Trim()),
            MudTestContext.QueryTimeout);
        Assert.Empty(cut.FindAll("[data-testid=cell-ingested]"));
    }

    [Fact]
    public async Task FilterChange_ShouldBeWrittenToTheUrl_AndResetThePage()
    {
        await _database.SeedAsync(Row("alice", SupportedActions.PageCreate, Start), Row("bob", SupportedActions.PageCreate, Start));
        await using var ctx = NewContext();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("admin/audit-log?users=alice&page=2&size=25");
        var popovers = ctx.RenderProviders();
        var cut = await RenderLoadedAsync(ctx, popovers: popovers);

        await cut.Find("[data-testid=action-selector-toggle]").ClickAsync();
        await popovers.Find("input[data-category-toggle=User]").ChangeAsync(new ChangeEventArgs { Value = true });

        var query = new Uri(navigation.Uri).Query;
        Assert.Contains("users=alice", query, StringComparison.Ordinal);
        Assert.Contains("actions=PAGE_CREATE%2CPAGE_DELETE%2CPAGE_DELETE_COMPLETELY%2CPAGE_EMPTY_TRASH", query, StringComparison.Ordinal);
        Assert.Contains("size=25", query, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", query, StringComparison.Ordinal);

        await cut.Find("[data-testid=filter-clear]").ClickAsync();
        Assert.Equal("?size=25", new Uri(navigation.Uri).Query);
    }

    [Fact]
    public async Task ActivitiesPage_ShouldMatchNothing_WhenTheUrlSelectsNoAction()
    {
        await _database.SeedAsync(Row("alice", SupportedActions.PageCreate, Start));
        await using var ctx = NewContext();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("admin/audit-log?actions=");
        ctx.RenderProviders();

        var cut = ctx.Render<ActivitiesPage>();

        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("[data-testid=audit-log-empty]")), MudTestContext.QueryTimeout);
        Assert.Equal("0 – 0 of 0", cut.Find("[data-testid=audit-log-summary]").TextContent.Trim());
        Assert.Contains($"0 of {SearchableByDefault.Count}", cut.Find("[data-testid=action-selector-toggle]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpandButton_ShouldShowTheSnapshot_OrSayThereIsNone()
    {
        await _database.SeedAsync(
            Row("alice", SupportedActions.PageCreate, Start, snapshot: """{"username":"alice","path":"/team/notes","size":42}"""),
            Row("bob", SupportedActions.PageDelete, Start.AddMinutes(1)));
        await using var ctx = NewContext();
        var cut = await RenderLoadedAsync(ctx);

        await cut.FindAll("[data-testid=activity-expand]")[0].ClickAsync(new MouseEventArgs());
        await cut.WaitForElementAsync("[data-testid=activity-snapshot-empty]");
        await cut.FindAll("[data-testid=activity-expand]")[1].ClickAsync(new MouseEventArgs());

        var snapshot = await cut.WaitForElementAsync("[data-testid=activity-snapshot]");
        Assert.Equal(["username", "path", "size"], snapshot.QuerySelectorAll("dt").Select(e => e.TextContent));
        Assert.Equal(["alice", "/team/notes", "42"], snapshot.QuerySelectorAll("dd").Select(e => e.TextContent));
    }

    [Fact]
    public async Task SettingsPanel_ShouldShowConfigurationAndNeverRun_WhenTheRetentionJobHasNotRun()
    {
        await using var ctx = NewContext();
        ctx.RenderProviders();
        var cut = ctx.Render<ActivitiesPage>();

        await cut.Find("[data-testid=audit-log-settings-toggle]").ClickAsync();

        await cut.WaitForAssertionAsync(() => Assert.Contains("never", cut.Find("[data-testid=settings-retention-run]").TextContent, StringComparison.Ordinal),
            MudTestContext.QueryTimeout);
        var expiration = cut.Find("[data-testid=settings-expiration]").TextContent;
        Assert.Contains("2,592,000 seconds", expiration, StringComparison.Ordinal);
        Assert.Contains("30 days", expiration, StringComparison.Ordinal);
        // SMALL's 12 plus the chain of custody, of the whole catalog.
        Assert.Equal($"{SearchableByDefault.Count} / {ActionCatalog.All.Count}", cut.Find("[data-testid=settings-action-count]").TextContent.Trim());
        Assert.Equal(12, AvailableActions.Compute(new AuditLogOptions(), includeEssential: false).Count);
        Assert.Contains("SMALL", cut.Find("[data-testid=settings-group-size]").TextContent, StringComparison.Ordinal);
        var certificate = await ctx.Services.GetRequiredService<SigningCertificates>().GetCurrentAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(SigningCertificates.Fingerprint(certificate), cut.Find("[data-testid=settings-signing-fingerprint]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=activity-filter-bar]"));
    }

    [Fact]
    public async Task SettingsPanel_ShouldShowTheLastRetentionRun()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.MaintenanceRuns.Add(new MaintenanceRun { Name = MaintenanceTasks.ActivityRetention, LastRunAt = Start, LastAffectedCount = 1234 });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        await using var ctx = NewContext(o => o.ActivityExpirationSeconds = 90_061);
        ctx.RenderProviders();
        var cut = ctx.Render<ActivitiesPage>();

        await cut.Find("[data-testid=audit-log-settings-toggle]").ClickAsync();

        await cut.WaitForAssertionAsync(() => Assert.Contains("1,234 activities removed", cut.Find("[data-testid=settings-retention-run]").TextContent, StringComparison.Ordinal),
            MudTestContext.QueryTimeout);
        Assert.Contains("1 day 1 hour 1 minute 1 second", cut.Find("[data-testid=settings-expiration]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPanel_ShouldListTheRecordedRetentionRuns_NewestFirst()
    {
        await _database.SeedAsync(
            RetentionRun(Start, """{"cutoff":"2025-12-11T08:00:00.0000000Z","deleted":"1500","error":null}"""),
            RetentionRun(Start.AddDays(1), """{"cutoff":"2025-12-12T08:00:00.0000000Z","deleted":"20","error":"disk I/O error"}"""));
        await using var ctx = NewContext();
        ctx.RenderProviders();
        var cut = ctx.Render<ActivitiesPage>();

        await cut.Find("[data-testid=audit-log-settings-toggle]").ClickAsync();

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll("[data-testid=settings-retention-history-row]").Count),
            MudTestContext.QueryTimeout);
        var rows = cut.FindAll("[data-testid=settings-retention-history-row]")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["20", "Failed: disk I/O error"], rows[0][2..]);
        Assert.Equal(["1,500", "Completed"], rows[1][2..]);
        Assert.All(rows, r => Assert.NotEqual("—", r[1]));
    }

    private static Activity RetentionRun(DateTime at, string snapshot)
    {
        var run = Row("", SupportedActions.AuditLogRetentionRun, at, snapshot: snapshot);
        run.Username = null;
        return run;
    }
}
