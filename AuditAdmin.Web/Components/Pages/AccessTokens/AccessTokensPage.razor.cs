using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.AccessTokens;

/// <summary>The signed-in user's own personal access tokens: create (shown once), list, revoke.</summary>
public sealed partial class AccessTokensPage
{
    private IReadOnlyList<AccessTokenInfo>? _tokens;
    private CurrentUserInfo? _viewer;
    private CreatedAccessToken? _created;
    private DateTime _now;

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentUser.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _now = Clock.GetUtcNow().UtcDateTime;
        await using var scope = ScopeFactory.CreateAsyncScope();
        _tokens = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().ListAsync(_viewer!.Id!, CancellationToken.None);
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateAccessTokenDialog>(L["AccessTokens_Create"],
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.GetReturnValueAsync<CreatedAccessToken>() is { } created)
        {
            _created = created;
            await LoadAsync();
        }
    }

    private async Task RevokeAsync(AccessTokenInfo token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = L["AccessTokens_Revoke"],
            Message = L["AccessTokens_Confirm_Revoke", token.Description ?? L["AccessTokens_NoDescription"]],
            YesText = L["AccessTokens_Revoke"],
            CancelText = L["Common_Cancel"],
        });
        if (confirmed != true)
        {
            return;
        }
        bool revoked;
        await using (var scope = ScopeFactory.CreateAsyncScope())
        {
            revoked = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().RevokeAsync(_viewer!.Id!, token.Id, CancellationToken.None);
        }
        if (revoked)
        {
            await Recorder.RecordAsync(new ActivityEntry(SupportedActions.UserAccessTokenDelete)
            {
                UserId = _viewer.Id,
                Username = _viewer.UserName,
                Endpoint = "/me/access-tokens",
            });
            Snackbar.Add(L["AccessTokens_Revoked"], Severity.Success);
        }
        if (_created?.Id == token.Id)
        {
            _created = null;
        }
        await LoadAsync();
    }
}
