using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.UserAdministrationFixture;

namespace AuditAdmin.Tests.Identity;

/// <summary>Roles (admin, auditor, user), the actor re-checked against the database, lockouts and other users' tokens.</summary>
public sealed class UserAdministrationRightsTests : IAsyncLifetime
{
    private readonly AuditAdminFactory _app = NewApp();
    private AppUser _admin = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _admin = await _app.CreateUserAsync("chief", admin: true);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<T> Admin<T>(Func<UserAdministration, Task<T>> operation) => _app.WithAdministrationAsync(operation);

    private async Task<UserRole> RoleAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserAccessReader>().FindAsync(userId, Ct))!.Role;
    }

    [Fact]
    public async Task SetRole_ShouldMoveAUserBetweenUserAuditorAndAdmin_RenewingTheStampAndRecordingEachStep()
    {
        var user = await _app.CreateUserAsync("ivy");
        var stamps = new List<string?> { user.SecurityStamp };

        foreach (var role in new[] { UserRole.Auditor, UserRole.Admin, UserRole.User })
        {
            var result = await Admin(a => a.SetRoleAsync(user.Id, role, ActorFor(_admin), Ct));
            Assert.True(result.Succeeded, result.Describe());
            Assert.Equal(role, await RoleAsync(user.Id));
            stamps.Add((await _app.ReloadAsync(user.Id)).SecurityStamp);
        }

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.Equal(
            [SupportedActions.AdminUsersGrantAuditor, SupportedActions.AdminUsersRevokeAuditor, SupportedActions.AdminUsersGrantAdmin,
                SupportedActions.AdminUsersRevokeAdmin],
            await _app.ActionsOnAsync(user.Id));
    }

    [Fact]
    public async Task SetRole_ShouldChangeNothing_WhenTheRoleIsAlreadyHeld()
    {
        var user = await _app.CreateUserAsync("jack");

        Assert.True((await Admin(a => a.SetRoleAsync(user.Id, UserRole.User, ActorFor(_admin), Ct))).Succeeded);

        Assert.Equal(user.SecurityStamp, (await _app.ReloadAsync(user.Id)).SecurityStamp);
        Assert.Empty(await _app.ActionsOnAsync(user.Id));
    }

    [Fact]
    public async Task Create_ShouldGiveTheAuditorRole_AndRecordItsGrant()
    {
        var result = await Admin(a => a.CreateAsync(new NewUser("kim", "kim@example.test", AuditAdminFactory.Password, UserRole.Auditor),
            ActorFor(_admin), Ct));

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(UserRole.Auditor, await RoleAsync(result.Value!));
        Assert.Equal([SupportedActions.UserRegistrationSuccess, SupportedActions.AdminUsersGrantAuditor], await _app.ActionsOnAsync(result.Value!));
    }

    [Fact]
    public async Task EveryChange_ShouldBeRefused_OnceTheActorIsNoLongerAnActiveAdmin_WhateverTheirSessionStillHolds()
    {
        var deputy = await _app.CreateUserAsync("deputy", admin: true);
        var user = await _app.CreateUserAsync("lou");
        var actor = ActorFor(deputy);
        Assert.True((await Admin(a => a.SetRoleAsync(deputy.Id, UserRole.Auditor, ActorFor(_admin), Ct))).Succeeded);

        var refused = new List<UserAdminResult>
        {
            await Admin(a => a.ListAsync(actor, null, 0, 10, Ct)),
            await Admin(a => a.CreateAsync(new NewUser("mo", "mo@example.test", AuditAdminFactory.Password), actor, Ct)),
            await Admin(a => a.SetRoleAsync(user.Id, UserRole.Admin, actor, Ct)),
            await Admin(a => a.SetActiveAsync(user.Id, false, actor, Ct)),
            await Admin(a => a.SetPreferencesAsync(user.Id, "fr", null, actor, Ct)),
            await Admin(a => a.ResetPasswordAsync(user.Id, null, actor, Ct)),
            await Admin(a => a.UnlockAsync(user.Id, actor, Ct)),
            await Admin(a => a.ListTokensAsync(user.Id, actor, Ct)),
            await Admin(a => a.RevokeTokenAsync(user.Id, 1, actor, Ct)),
        };

        Assert.All(refused, r => Assert.Equal(UserAdminErrors.NotAuthorized, Assert.Single(r.Errors).Code));
        Assert.Equal(UserRole.User, await RoleAsync(user.Id));
        Assert.True((await _app.ReloadAsync(user.Id)).IsActive);
    }

    [Fact]
    public async Task ADeactivatedAdmin_ShouldNotReactivateThemself_NorGrantThemselfARole()
    {
        var deputy = await _app.CreateUserAsync("rogue", admin: true);
        Assert.True((await Admin(a => a.SetActiveAsync(deputy.Id, false, ActorFor(_admin), Ct))).Succeeded);

        var reactivate = await Admin(a => a.SetActiveAsync(deputy.Id, true, ActorFor(deputy), Ct));
        var selfGrant = await Admin(a => a.SetRoleAsync(_admin.Id, UserRole.User, ActorFor(deputy), Ct));

        Assert.Equal(UserAdminErrors.NotAuthorized, Assert.Single(reactivate.Errors).Code);
        Assert.Equal(UserAdminErrors.NotAuthorized, Assert.Single(selfGrant.Errors).Code);
        Assert.False((await _app.ReloadAsync(deputy.Id)).IsActive);
        Assert.Equal(UserRole.Admin, await RoleAsync(_admin.Id));
    }

    [Fact]
    public async Task AnActiveAdmin_ShouldNotChangeTheirOwnRole_NorTheirOwnState()
    {
        var toAuditor = await Admin(a => a.SetRoleAsync(_admin.Id, UserRole.Auditor, ActorFor(_admin), Ct));
        var reactivate = await Admin(a => a.SetActiveAsync(_admin.Id, true, ActorFor(_admin), Ct));

        Assert.Equal(UserAdminErrors.SelfDemote, Assert.Single(toAuditor.Errors).Code);
        Assert.Equal(UserAdminErrors.SelfDeactivate, Assert.Single(reactivate.Errors).Code);
    }

    [Fact]
    public async Task Unlock_ShouldLiftALockout_AndRecordIt_OnlyWhenTheUserWasLockedOut()
    {
        var user = await _app.CreateUserAsync("nell");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var first = await Admin(a => a.UnlockAsync(user.Id, ActorFor(_admin), Ct));
        var second = await Admin(a => a.UnlockAsync(user.Id, ActorFor(_admin), Ct));

        Assert.True(first.Value);
        Assert.False(second.Value);
        Assert.Equal([SupportedActions.AdminUsersUnlock], await _app.ActionsOnAsync(user.Id));
        var listed = (await Admin(a => a.ListAsync(ActorFor(_admin), "nell", 0, 10, Ct))).Value!.Items.Single();
        Assert.False(listed.IsLockedOut);
    }

    [Fact]
    public async Task List_ShouldShowRolesAndLockouts()
    {
        var auditor = await _app.CreateUserAsync("olive");
        Assert.True((await Admin(a => a.SetRoleAsync(auditor.Id, UserRole.Auditor, ActorFor(_admin), Ct))).Succeeded);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(auditor.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var page = (await Admin(a => a.ListAsync(ActorFor(_admin), null, 0, 10, Ct))).Value!;

        Assert.Equal((UserRole.Auditor, true), page.Items.Where(u => u.UserName == "olive").Select(u => (u.Role, u.IsLockedOut)).Single());
        Assert.Equal((UserRole.Admin, false), page.Items.Where(u => u.UserName == "chief").Select(u => (u.Role, u.IsLockedOut)).Single());
    }

    [Fact]
    public async Task ResetPassword_ShouldRevokeEveryTokenOfTheUser()
    {
        var user = await _app.CreateUserAsync("pia");
        var token = await _app.CreateTokenAsync(user, [Scopes.ReadInAppNotification]);
        await _app.CreateTokenAsync(user, [Scopes.ReadInAppNotification]);

        Assert.True((await Admin(a => a.ResetPasswordAsync(user.Id, null, ActorFor(_admin), Ct))).Succeeded);

        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AccessTokenService>().ValidateAsync(token, Ct));
        await using var db = await _app.DbFactory.CreateDbContextAsync(Ct);
        Assert.False(await db.AccessTokens.AnyAsync(t => t.UserId == user.Id, Ct));
        var reset = await db.Activities.SingleAsync(a => a.Target == user.Id && a.Action == SupportedActions.AdminUsersPasswordReset, Ct);
        Assert.Contains("\"revokedTokens\":\"2\"", reset.Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdmin_ShouldListAndRevokeAnotherUsersTokens_RecordedWithTheOwnerAsTarget()
    {
        var user = await _app.CreateUserAsync("quinn");
        var token = await _app.CreateTokenAsync(user, [Scopes.ReadInAppNotification]);

        var listed = (await Admin(a => a.ListTokensAsync(user.Id, ActorFor(_admin), Ct))).Value!;
        var revoked = await Admin(a => a.RevokeTokenAsync(user.Id, listed.Single().Id, ActorFor(_admin), Ct));
        var again = await Admin(a => a.RevokeTokenAsync(user.Id, listed.Single().Id, ActorFor(_admin), Ct));

        Assert.True(revoked.Succeeded, revoked.Describe());
        Assert.Equal(UserAdminErrors.TokenNotFound, Assert.Single(again.Errors).Code);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AccessTokenService>().ValidateAsync(token, Ct));
        await using var db = await _app.DbFactory.CreateDbContextAsync(Ct);
        var row = await db.Activities.SingleAsync(a => a.Target == user.Id && a.Action == SupportedActions.UserAccessTokenDelete, Ct);
        Assert.Equal(_admin.Id, row.UserId);
    }
}
