using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.AccessTokens;

/// <summary>Creates a personal access token with the chosen scopes and lifetime; the dialog's result is the token, shown once.</summary>
public sealed partial class CreateAccessTokenDialog
{
    public const int DefaultDays = 90;

    private MudForm _form = default!;
    private string? _description;
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _offered = [];
    private int _days = DefaultDays;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _days = Math.Min(DefaultDays, MaxDays);
        var viewer = await CurrentUser.GetAsync();
        _offered = Scopes.All.Where(s => viewer.IsAuditReader || !ScopeLabels.IsAuditScope(s)).ToList();
    }

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            _selected.Add(scope);
        }
        else
        {
            _selected.Remove(scope);
        }
    }

    private int MaxDays => TokenOptions.Value.MaxLifetimeDays;

    private string? ValidateDays(int days) =>
        days >= 1 && days <= MaxDays ? null : L["AccessTokens_Error_Days", MaxDays].Value;

    private async Task CreateAsync()
    {
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }
        if (_selected.Count == 0)
        {
            _error = L["AccessTokens_Error_NoScope"];
            return;
        }
        _busy = true;
        try
        {
            var viewer = await CurrentUser.GetAsync();
            if ((await Access.FindAsync(viewer.Id, CancellationToken.None))?.IsActive != true)
            {
                // Deactivated in another session: no new credentials from this tab.
                _error = L["AccessTokens_Error_NotAllowed"];
                return;
            }
            await using var scope = ScopeFactory.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<AccessTokenService>()
                .CreateForDaysAsync(viewer.Id!, _selected, _days, _description, CancellationToken.None);
            await Recorder.RecordAsync(new ActivityEntry(SupportedActions.UserAccessTokenCreate)
            {
                UserId = viewer.Id,
                Username = viewer.UserName,
                Endpoint = "/me/access-tokens",
            });
            Dialog.Close(DialogResult.Ok(created));
        }
        finally
        {
            _busy = false;
        }
    }
}
