using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Users;

public sealed partial class UsersPage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudDataGrid<UserSummary> _grid = default!;
    private CurrentUserInfo? _viewer;
    private string? _search;

    protected override async Task OnInitializedAsync() => _viewer = await CurrentUser.GetAsync();

    private async Task<GridData<UserSummary>> LoadAsync(GridState<UserSummary> state, CancellationToken cancellationToken)
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .ListAsync(_search, state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new GridData<UserSummary> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await _grid.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>(L["Users_Create"], DialogDefaults());
        if (await dialog.GetReturnValueAsync<string>() is { } userName)
        {
            Snackbar.Add(L["Users_Created", userName], Severity.Success);
            await _grid.ReloadServerData();
        }
    }

    private async Task HandleActionAsync(UserSummary user, UserAction action)
    {
        switch (action)
        {
            case UserAction.GrantAdmin when await ConfirmAsync("Users_Confirm_GrantAdmin", user, "Users_Action_GrantAdmin"):
                await ChangeAsync(user, "Users_Done_GrantAdmin", (a, actor) => a.SetAdminAsync(user.Id, true, actor, CancellationToken.None));
                break;
            case UserAction.RevokeAdmin when await ConfirmAsync("Users_Confirm_RevokeAdmin", user, "Users_Action_RevokeAdmin"):
                await ChangeAsync(user, "Users_Done_RevokeAdmin", (a, actor) => a.SetAdminAsync(user.Id, false, actor, CancellationToken.None));
                break;
            case UserAction.Deactivate when await ConfirmAsync("Users_Confirm_Deactivate", user, "Users_Action_Deactivate"):
                await ChangeAsync(user, "Users_Done_Deactivate", (a, actor) => a.SetActiveAsync(user.Id, false, actor, CancellationToken.None));
                break;
            case UserAction.Reactivate:
                await ChangeAsync(user, "Users_Done_Reactivate", (a, actor) => a.SetActiveAsync(user.Id, true, actor, CancellationToken.None));
                break;
            case UserAction.Preferences:
                await ShowUserDialogAsync<UserPreferencesDialog>(user, "Users_Action_Preferences");
                break;
            case UserAction.ResetPassword:
                await ShowUserDialogAsync<ResetPasswordDialog>(user, "Users_Action_ResetPassword");
                break;
        }
    }

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
        else
        {
            Snackbar.Add(Messages.Describe(result), Severity.Warning);
        }
        await _grid.ReloadServerData();
    }

    private async Task ShowUserDialogAsync<TDialog>(UserSummary user, string titleKey) where TDialog : IComponent
    {
        var parameters = new DialogParameters { ["User"] = user, ["Actor"] = Actor() };
        var dialog = await Dialogs.ShowAsync<TDialog>(L[titleKey], parameters, DialogDefaults());
        if (!(await dialog.Result)!.Canceled)
        {
            await _grid.ReloadServerData();
        }
    }

    private UserAdminActor Actor() => new(_viewer?.Id, _viewer?.UserName, Endpoint: "/admin/users");

    private static DialogOptions DialogDefaults() => new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
