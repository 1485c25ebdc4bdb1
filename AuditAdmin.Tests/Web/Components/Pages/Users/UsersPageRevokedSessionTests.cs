using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Pages.Users;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Components.Pages.Users;

/// <summary>
/// An admin's already-open Users page, against the real user administration: once another session revokes their
/// role or deactivates them, the page's next action is refused and the page turns to "access denied".
/// </summary>
public sealed class UsersPageRevokedSessionTests : IAsyncLifetime
{
    private SqliteTestDatabase _db = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>The other session (another admin's tab, the CLI): its own container over the same database.</summary>
    private sealed class OtherSession(SqliteTestDatabase db) : IAsyncDisposable
    {
        private readonly MudTestContext _ctx = new("en", c => c.AddAuditAdminServices(db));

        public async Task<string> CreateAsync(string name, UserRole role)
        {
            string? id = null;
            await ChangeAsync(async (a, actor) =>
            {
                var result = await a.CreateAsync(new NewUser(name, $"{name}@example.test", AuditAdminFactory.Password, role), actor, Ct);
                id = result.Value;
                return result;
            });
            return id!;
        }

        public async Task ChangeAsync(Func<UserAdministration, UserAdminActor, Task<UserAdminResult>> change)
        {
            await using var scope = _ctx.Services.CreateAsyncScope();
            var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), UserAdminActor.Operator("other session"));
            Assert.True(result.Succeeded, result.Describe());
        }

        public async Task<UserAccess> AccessAsync(string id) =>
            (await _ctx.Services.GetRequiredService<UserAccessReader>().FindAsync(id, Ct))!;

        public ValueTask DisposeAsync() => _ctx.DisposeAsync();
    }

    private async Task<(MudTestContext Ctx, IRenderedComponent<UsersPage> Page, string AliceId, string DoraId)> OpenAsAliceAsync(OtherSession other)
    {
        var aliceId = await other.CreateAsync("alice", UserRole.Admin);
        await other.CreateAsync("bob", UserRole.Admin);
        var doraId = await other.CreateAsync("dora", UserRole.User);
        await other.ChangeAsync((a, actor) => a.SetActiveAsync(doraId, false, actor, Ct));
        var ctx = new MudTestContext("en", c =>
        {
            c.AddAuditAdminServices(_db);
            c.Services.AddScoped<UserAdminMessages>();
            c.SignIn(aliceId, "alice", admin: true);
        });
        ctx.RenderProviders();
        var page = ctx.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=user-dora]")), MudTestContext.QueryTimeout);
        return (ctx, page, aliceId, doraId);
    }

    private static Task ActAsync(IRenderedComponent<UsersPage> page, string userName, UserAction action)
    {
        var menu = page.FindComponents<UserActionsMenu>().Single(m => m.Instance.User.UserName == userName);
        return menu.InvokeAsync(() => menu.Instance.OnAction.InvokeAsync(action));
    }

    [Fact]
    public async Task NextAction_ShouldBeRefused_AndThePageDenied_OnceTheAdminRoleIsRevokedElsewhere()
    {
        await using var other = new OtherSession(_db);
        var (ctx, page, aliceId, doraId) = await OpenAsAliceAsync(other);
        await using var _ = ctx;

        await other.ChangeAsync((a, actor) => a.SetRoleAsync(aliceId, UserRole.User, actor, Ct));
        await ActAsync(page, "dora", UserAction.Reactivate);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=access-denied]")), MudTestContext.QueryTimeout);
        Assert.Empty(page.FindAll("[data-testid=users-grid]"));
        Assert.False((await other.AccessAsync(doraId)).IsActive);
    }

    [Fact]
    public async Task ADeactivatedAdmin_ShouldNotReactivateAnyone_NorRegainTheirRole_FromTheOpenPage()
    {
        await using var other = new OtherSession(_db);
        var (ctx, page, aliceId, doraId) = await OpenAsAliceAsync(other);
        await using var _ = ctx;

        await other.ChangeAsync((a, actor) => a.SetActiveAsync(aliceId, false, actor, Ct));
        await ActAsync(page, "dora", UserAction.Reactivate);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=access-denied]")), MudTestContext.QueryTimeout);
        Assert.False((await other.AccessAsync(doraId)).IsActive);
        var alice = await other.AccessAsync(aliceId);
        Assert.False(alice.IsActive);
    }
}
