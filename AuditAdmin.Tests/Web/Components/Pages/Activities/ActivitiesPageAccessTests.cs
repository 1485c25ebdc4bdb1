using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Pages.Activities;
using AuditAdmin.Web.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.ActivityComponentServices;

namespace AuditAdmin.Tests.Web.Components.Pages.Activities;

/// <summary>What the audit log page offers to whom, and how it takes an address it cannot use.</summary>
public sealed class ActivitiesPageAccessTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await _database.AddUserAsync("user-admin", "admin", UserRole.Admin);
        await _database.AddUserAsync("user-auditor", "auditor", UserRole.Auditor);
        await _database.SeedAsync(Row("alice", SupportedActions.PageCreate, new DateTime(2026, 1, 10, 8, 0, 0, DateTimeKind.Utc)));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private MudTestContext NewContext(string userName) => new(configureServices: services =>
    {
        Over(_database)(services);
        services.AddSingleton<ActivityRetention>();
        services.AddAppAuthorization(_database);
        services.AddSingleton<AuthenticationStateProvider>(new TestAuthenticationStateProvider(userName, admin: userName == "admin"));
        services.AddScoped<CurrentUser>();
    });

    private static async Task<IRenderedComponent<ActivitiesPage>> RenderAsync(MudTestContext ctx, string address)
    {
        ctx.RenderProviders();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = ctx.Render<ActivitiesPage>();
        await cut.WaitForAssertionAsync(() => Assert.NotEmpty(cut.FindAll("[data-testid=cell-user]")), MudTestContext.QueryTimeout);
        return cut;
    }

    [Fact]
    public async Task Settings_ShouldBeOfferedToAnAdmin_ButNotToAnAuditor()
    {
        await using (var admin = NewContext("admin"))
        {
            var page = await RenderAsync(admin, "admin/audit-log");
            await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=audit-log-settings-toggle]")), MudTestContext.QueryTimeout);
        }
        await using var auditor = NewContext("auditor");

        var cut = await RenderAsync(auditor, "admin/audit-log");

        Assert.Empty(cut.FindAll("[data-testid=audit-log-settings-toggle]"));
        Assert.Single(cut.FindAll("[data-testid=audit-log-export]"));
    }

    [Theory]
    [InlineData("admin/audit-log?to=9999-12-31")]
    [InlineData("admin/audit-log?from=0001-01-01")]
    [InlineData("admin/audit-log?from=2026-13-45&to=tomorrow")]
    public async Task ACraftedDate_ShouldShowThePageWithAMessage_AndTheLogWithoutThatDate(string address)
    {
        await using var ctx = NewContext("admin");

        var cut = await RenderAsync(ctx, address);

        Assert.Contains("could not be used", cut.Find("[data-testid=audit-log-query-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["alice"], cut.FindAll("[data-testid=cell-user]").Select(c => c.TextContent.Trim()));
    }
}
