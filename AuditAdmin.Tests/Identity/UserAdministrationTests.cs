using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.UserAdministrationFixture;

namespace AuditAdmin.Tests.Identity;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private readonly AuditAdminFactory _app = NewApp();
    private AppUser _admin = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _admin = await _app.CreateUserAsync("boss", admin: true);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<T> Admin<T>(Func<UserAdministration, Task<T>> operation) => _app.WithAdministrationAsync(operation);

    [Fact]
    public async Task Create_ShouldStoreTheUserWithItsPreferences_AndRecordTheRegistration()
    {
        var result = await Admin(a => a.CreateAsync(
            new NewUser(" carol ", "carol@example.test", AuditAdminFactory.Password, Role: UserRole.Admin, Language: "JA", TimeZone: "Asia/Tokyo"),
            ActorFor(_admin), Ct));

        Assert.True(result.Succeeded, result.Describe());
        var carol = await _app.ReloadAsync(result.Value!);
        Assert.Equal("carol", carol.UserName);
        Assert.Equal("ja", carol.Language);
        Assert.Equal("Asia/Tokyo", carol.TimeZone);
        Assert.True(carol.IsActive);
        Assert.True(await _app.IsAdminAsync(carol.Id));
        Assert.Equal([SupportedActions.UserRegistrationSuccess, SupportedActions.AdminUsersGrantAdmin], await _app.ActionsOnAsync(carol.Id));
    }

    [Fact]
    public async Task Create_ShouldFailWithAResourceKey_WhenTheUsernameIsTaken()
    {
        var result = await Admin(a => a.CreateAsync(new NewUser("boss", "other@example.test", AuditAdminFactory.Password), ActorFor(_admin), Ct));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "Users_Error_DuplicateUserName");
    }

    [Fact]
    public async Task Create_ShouldFail_WhenThePasswordIsWeak()
    {
        var result = await Admin(a => a.CreateAsync(new NewUser("weak", "weak@example.test", "short"), ActorFor(_admin), Ct));

        Assert.Contains(result.Errors, e => e.Code == "Users_Error_PasswordTooShort");
        Assert.Null(await _app.WithAdministrationAsync(a => a.FindByNameAsync("weak")));
    }

    [Theory]
    [InlineData("xx", null, UserAdminErrors.UnsupportedLanguage)]
    [InlineData("en", "Mars/Olympus_Mons", UserAdminErrors.UnknownTimeZone)]
    [InlineData("en", "Tokyo Standard Time", UserAdminErrors.UnknownTimeZone)]
    public async Task Create_ShouldRefuseUnknownLanguagesAndNonIanaZones(string language, string? zone, string expected)
    {
        var result = await Admin(a => a.CreateAsync(
            new NewUser("pref-" + Guid.NewGuid().ToString("N")[..6], $"{Guid.NewGuid():N}@example.test", AuditAdminFactory.Password,
                Language: language, TimeZone: zone), ActorFor(_admin), Ct));

        Assert.Equal(expected, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task SetActive_ShouldRefuse_WhenAnAdminDeactivatesThemself()
    {
        var result = await Admin(a => a.SetActiveAsync(_admin.Id, false, ActorFor(_admin), Ct));

        Assert.Equal(UserAdminErrors.SelfDeactivate, Assert.Single(result.Errors).Code);
        Assert.True((await _app.ReloadAsync(_admin.Id)).IsActive);
    }

    [Fact]
    public async Task SetAdmin_ShouldRefuse_WhenAnAdminDemotesThemself()
    {
        var result = await Admin(a => a.SetRoleAsync(_admin.Id, UserRole.User, ActorFor(_admin), Ct));

        Assert.Equal(UserAdminErrors.SelfDemote, Assert.Single(result.Errors).Code);
        Assert.True(await _app.IsAdminAsync(_admin.Id));
    }

    [Fact]
    public async Task LastActiveAdmin_ShouldStay_UntilAnotherAdminExists()
    {
        var operatorActor = UserAdminActor.Operator("test");

        var deactivate = await Admin(a => a.SetActiveAsync(_admin.Id, false, operatorActor, Ct));
        var demote = await Admin(a => a.SetRoleAsync(_admin.Id, UserRole.Auditor, operatorActor, Ct));

        Assert.Equal(UserAdminErrors.LastAdmin, Assert.Single(deactivate.Errors).Code);
        Assert.Equal(UserAdminErrors.LastAdmin, Assert.Single(demote.Errors).Code);
        Assert.True((await _app.ReloadAsync(_admin.Id)).IsActive);
        Assert.True(await _app.IsAdminAsync(_admin.Id));

        var deputy = await _app.CreateUserAsync("deputy", admin: true);
        Assert.True((await Admin(a => a.SetRoleAsync(_admin.Id, UserRole.User, ActorFor(deputy), Ct))).Succeeded);
        Assert.False(await _app.IsAdminAsync(_admin.Id));
        Assert.Equal(1, await Admin(a => a.CountActiveAdminsAsync(Ct)));
    }

    [Fact]
    public async Task Deactivate_ShouldRenewTheSecurityStamp_AndReactivateShouldRestoreTheAccount()
    {
        var user = await _app.CreateUserAsync("dave");
        var stamp = user.SecurityStamp;

        Assert.True((await Admin(a => a.SetActiveAsync(user.Id, false, ActorFor(_admin), Ct))).Succeeded);
        var deactivated = await _app.ReloadAsync(user.Id);
        Assert.False(deactivated.IsActive);
        Assert.NotEqual(stamp, deactivated.SecurityStamp);

        Assert.True((await Admin(a => a.SetActiveAsync(user.Id, true, ActorFor(_admin), Ct))).Succeeded);
        Assert.True((await _app.ReloadAsync(user.Id)).IsActive);
        Assert.Equal([SupportedActions.AdminUsersDeactivate, SupportedActions.AdminUsersActivate], await _app.ActionsOnAsync(user.Id));
    }

    [Fact]
    public async Task ResetPassword_ShouldGenerateAStrongPassword_ThatReplacesTheOldOne()
    {
        var user = await _app.CreateUserAsync("erin");

        var result = await Admin(a => a.ResetPasswordAsync(user.Id, null, ActorFor(_admin), Ct));

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(PasswordGenerator.DefaultLength, result.Value!.Length);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var reloaded = (await users.FindByIdAsync(user.Id))!;
        Assert.True(await users.CheckPasswordAsync(reloaded, result.Value));
        Assert.False(await users.CheckPasswordAsync(reloaded, AuditAdminFactory.Password));
        Assert.NotEqual(user.SecurityStamp, reloaded.SecurityStamp);
        Assert.Contains(SupportedActions.AdminUsersPasswordReset, await _app.ActionsOnAsync(user.Id));
    }

    [Fact]
    public async Task ResetPassword_ShouldRefuseAWeakChosenPassword()
    {
        var user = await _app.CreateUserAsync("frank");

        var result = await Admin(a => a.ResetPasswordAsync(user.Id, "abc", ActorFor(_admin), Ct));

        Assert.Contains(result.Errors, e => e.Code == "Users_Error_PasswordTooShort");
    }

    [Fact]
    public async Task SetPreferences_ShouldSaveLanguageAndZone_AndAllowClearingTheZone()
    {
        var user = await _app.CreateUserAsync("gina");

        Assert.True((await Admin(a => a.SetPreferencesAsync(user.Id, "fr", "Europe/Paris", ActorFor(_admin), Ct))).Succeeded);
        var saved = await _app.ReloadAsync(user.Id);
        Assert.Equal(("fr", "Europe/Paris"), (saved.Language, saved.TimeZone));

        Assert.True((await Admin(a => a.SetPreferencesAsync(user.Id, "ko", null, ActorFor(_admin), Ct))).Succeeded);
        var cleared = await _app.ReloadAsync(user.Id);
        Assert.Equal(("ko", (string?)null), (cleared.Language, cleared.TimeZone));

        var refused = await Admin(a => a.SetPreferencesAsync(user.Id, "ko", "Nowhere/Land", ActorFor(_admin), Ct));
        Assert.Equal(UserAdminErrors.UnknownTimeZone, Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public async Task List_ShouldPageInUsernameOrder_SearchNameAndEmail_AndFlagAdmins()
    {
        foreach (var name in new[] { "list-c", "list-a", "list-b" })
        {
            await _app.CreateUserAsync(name);
        }

        var firstPage = (await Admin(a => a.ListAsync(ActorFor(_admin), "list-", 0, 2, Ct))).Value!;
        var secondPage = (await Admin(a => a.ListAsync(ActorFor(_admin), "list-", 2, 2, Ct))).Value!;
        var byEmail = (await Admin(a => a.ListAsync(ActorFor(_admin), "BOSS@EXAMPLE", 0, 10, Ct))).Value!;

        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal(["list-a", "list-b"], firstPage.Items.Select(u => u.UserName));
        Assert.Equal(["list-c"], secondPage.Items.Select(u => u.UserName));
        Assert.All(firstPage.Items, u => Assert.False(u.IsAdmin));
        var boss = Assert.Single(byEmail.Items);
        Assert.True(boss.IsAdmin);
    }
}
