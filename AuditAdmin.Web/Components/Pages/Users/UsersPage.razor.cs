using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Users;

/// <summary>
/// Accounts, their roles and state. Every load and change goes through <see cref="UserAdministration"/>, which
/// re-reads the viewer from the database: once they are no longer an active admin, the page shows "access denied"
/// on their next action, whatever this circuit still remembers.
/// </summary>
public sealed partial class UsersPage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudDataGrid<UserSummary> _grid = default!;
    private CurrentUserInfo? _viewer;
    private string? _search;
    private bool _denied;

    protected override async Task OnInitializedAsync() => _viewer = await CurrentUser.GetAsync();

    private async Task<GridData<UserSummary>> LoadAsync(GridState<UserSummary> state, CancellationToken cancellationToken)
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .ListAsync(Actor(), _search, state.Page * state.PageSize, state.PageSize, cancellationToken);
        if (result.Value is not { } page)
        {
            await RefusedAsync(result);
            return new GridData<UserSummary> { Items = [], TotalItems = 0 };
        }
        return new GridData<UserSummary> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>(L["Users_Create"], DialogDefaults());
        if (await dialog.GetReturnValueAsync<string>() is { } userName)
        {
            Snackbar.Add(L["Users_Created", userName], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task HandleActionAsync(UserSummary user, UserAction action)
    {
        switch (action)
        {
            case UserAction.GrantAdmin when await ConfirmAsync("Users_Confirm_GrantAdmin", user, "Users_Action_GrantAdmin"):
                await SetRoleAsync(user, UserRole.Admin, "Users_Done_GrantAdmin");
                break;
            case UserAction.RevokeAdmin when await ConfirmAsync("Users_Confirm_RevokeAdmin", user, "Users_Action_RevokeAdmin"):
                await SetRoleAsync(user, UserRole.User, "Users_Done_RevokeAdmin");
                break;
            case UserAction.GrantAuditor when await ConfirmAsync("Users_Confirm_GrantAuditor", user, "Users_Action_GrantAuditor"):
                await SetRoleAsync(user, UserRole.Auditor, "Users_Done_GrantAuditor");
                break;
            case UserAction.RevokeAuditor when await ConfirmAsync("Users_Confirm_RevokeAuditor", user, "Users_Action_RevokeAuditor"):
                await SetRoleAsync(user, UserRole.User, "Users_Done_RevokeAuditor");
                break;
            case UserAction.Deactivate when await ConfirmAsync("Users_Confirm_Deactivate", user, "Users_Action_Deactivate"):
                await ChangeAsync(user, "Users_Done_Deactivate", (a, actor) => a.SetActiveAsync(user.Id, false, actor, CancellationToken.None));
                break;
            case UserAction.Reactivate:
                await ChangeAsync(user, "Users_Done_Reactivate", (a, actor) => a.SetActiveAsync(user.Id, true, actor, CancellationToken.None));
                break;
            case UserAction.Unlock:
                await ChangeAsync(user, "Users_Done_Unlock", async (a, actor) => await a.UnlockAsync(user.Id, actor, CancellationToken.None));
                break;
            case UserAction.Tokens:
                await ShowUserDialogAsync<UserTokensDialog>(user, "Users_Action_Tokens");
                break;
            case UserAction.Preferences:
                await ShowUserDialogAsync<UserPreferencesDialog>(user, "Users_Action_Preferences");
                break;
            case UserAction.ResetPassword:
                await ShowUserDialogAsync<ResetPasswordDialog>(user, "Users_Action_ResetPassword");
                break;
        }
    }

    private Task SetRoleAsync(UserSummary user, UserRole role, string doneKey) =>
        ChangeAsync(user, doneKey, (a, actor) => a.SetRoleAsync(user.Id, role, actor, CancellationToken.None));

    private async Task<bool> ConfirmAsync(string messageKey, UserSummary user, string actionKey)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = L[actionKey],
            Message = L[messageKey, user.UserName],
            YesText = L[actionKey],
            CancelText = L["Common_Cancel"],
        });
        return confirmed == true;
    }

    private async Task ChangeAsync(UserSummary user, string doneKey, Func<UserAdministration, UserAdminActor, Task<UserAdminResult>> change)
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), Actor());
        if (result.Succeeded)
        {
            Snackbar.Add(L[doneKey, user.UserName], Severity.Success);
        }
        else if (await RefusedAsync(result))
        {
            return;
        }
        else
        {
            Snackbar.Add(Messages.Describe(result), Severity.Warning);
        }
        await ReloadAsync();
    }

    private Task ReloadAsync() => _denied ? Task.CompletedTask : _grid.ReloadServerData();

    /// <summary>True (and the page becomes "access denied", the session re-checked) when the viewer lost the right to manage users.</summary>
    private async Task<bool> RefusedAsync(UserAdminResult result)
    {
        if (!result.Errors.Any(e => e.Code == UserAdminErrors.NotAuthorized))
        {
            return false;
        }
        _denied = true;
        await InvokeAsync(StateHasChanged);
        await Session.RecheckAsync();
        return true;
    }

    private async Task ShowUserDialogAsync<TDialog>(UserSummary user, string titleKey) where TDialog : IComponent
    {
        var parameters = new DialogParameters { ["User"] = user, ["Actor"] = Actor() };
        var dialog = await Dialogs.ShowAsync<TDialog>(L[titleKey], parameters, DialogDefaults());
        await dialog.Result;
        // Whatever the dialog did (or was refused), the list shows the state as it is now.
        await ReloadAsync();
    }

    private UserAdminActor Actor() => new(_viewer?.Id, _viewer?.UserName, Endpoint: "/admin/users");

    private static DialogOptions DialogDefaults() => new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
