using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Export;

/// <summary>
/// Asks for an export of the audit log with the audit log page's filter as a starting point. The request goes straight
/// to <see cref="ExportService"/>; a running duplicate is offered for restart.
/// </summary>
public sealed partial class ExportDialog
{
    private ActivityFilter _filter = ActivityFilter.None;
    private bool _sending;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The audit log page's current filter; the dialog edits its own copy.</summary>
    [Parameter]
    public ActivityFilter InitialFilter { get; set; } = ActivityFilter.None;

    private bool NoActionSelected => _filter.Actions is { Count: 0 };

    protected override void OnInitialized() => _filter = InitialFilter;

    private void SetUsernames(IReadOnlyList<string> names) => _filter = _filter with { Usernames = names.Count == 0 ? null : names };

    private void SetDates((DateOnly? Start, DateOnly? End) range) => _filter = _filter with { StartDate = range.Start, EndDate = range.End };

    private void SetActions(IReadOnlyList<string>? actions) => _filter = _filter with { Actions = actions };

    private void Cancel() => Dialog.Cancel();

    private async Task ExportAsync()
    {
        if (NoActionSelected)
        {
            return;
        }
        _sending = true;
        try
        {
            // Show the spinner before the request starts: SQLite's driver can complete it without ever yielding.
            await Task.Yield();
            var viewer = await CurrentUser.GetAsync();
            // The viewer's rights as the database holds them now: a role revoked in another session bites here.
            var access = await Access.FindAsync(viewer.Id, CancellationToken.None);
            if (viewer.Id is not { } userId || access is not { IsAuditReader: true })
            {
                Logger.LogWarning("Export refused in the dialog: user {UserId} is no longer an active admin or auditor", viewer.Id);
                Snackbar.Add(L["ExportDialog_NotAllowed"], Severity.Error);
                Dialog.Cancel();
                await Session.RecheckAsync();
                return;
            }
            if (!AuditLog.Enabled)
            {
                // The page that opens the dialog is hidden while the audit log is off; this is the backstop.
                Logger.LogWarning("Export refused in the dialog: the audit log is disabled");
                Snackbar.Add(L["ExportDialog_Failed"], Severity.Error);
                return;
            }
            var filters = ExportFilters.FromActivityFilter(_filter, viewer.TimeZone);
            var result = await Exports.RequestAsync(userId, filters, restartJob: false, CancellationToken.None);
            if (result is ExportRequestResult.Duplicate duplicate)
            {
                if (!await ConfirmRestartAsync(duplicate))
                {
                    return;
                }
                result = await Exports.RequestAsync(userId, filters, restartJob: true, CancellationToken.None);
            }
            if (result is ExportRequestResult.Accepted accepted)
            {
                Snackbar.Add(L[accepted.Restarted ? "ExportDialog_Restarted" : "ExportDialog_Requested"], Severity.Success);
                Dialog.Close(DialogResult.Ok(accepted.JobId));
            }
            else
            {
                // The restarted duplicate finished between the two requests: the caller can simply ask again.
                Snackbar.Add(L["ExportDialog_Failed"], Severity.Warning);
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Export request failed");
            Snackbar.Add(L["ExportDialog_Failed"], Severity.Error);
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task<bool> ConfirmRestartAsync(ExportRequestResult.Duplicate duplicate)
    {
        var parameters = new DialogParameters<DuplicateExportConfirmDialog>
        {
            { d => d.StartedAt, duplicate.CreatedAt },
        };
        var reference = await Dialogs.ShowAsync<DuplicateExportConfirmDialog>(L["DuplicateExport_Title"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var answer = await reference.Result;
        return answer is { Canceled: false };
    }
}
