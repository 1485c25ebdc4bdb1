using System.Globalization;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Export;

/// <summary>
/// Asks for an export of the audit log with the audit log page's filter as a starting point, in a chosen format. The
/// request goes straight to <see cref="ExportService"/>; a running duplicate is offered for restart. While the filters
/// and the format change, a pre-flight estimate (<see cref="ExportEstimator"/>) says how many records and how many
/// megabytes the export would hold: asked a moment after the last change, and dropped when a newer change supersedes it.
/// </summary>
public sealed partial class ExportDialog : IDisposable
{
    /// <summary>How long the filters must stay unchanged before the estimate is asked for.</summary>
    private static readonly TimeSpan EstimateDelay = TimeSpan.FromMilliseconds(300);

    private ActivityFilter _filter = ActivityFilter.None;
    private string _format = ExportFormatNames.Json;
    private bool _sending;
    private CancellationTokenSource? _estimating;
    private ExportEstimate? _estimate;
    private string _estimateState = "pending";

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The audit log page's current filter; the dialog edits its own copy.</summary>
    [Parameter]
    public ActivityFilter InitialFilter { get; set; } = ActivityFilter.None;

    private bool NoActionSelected => _filter.Actions is { Count: 0 };

    protected override void OnInitialized()
    {
        _filter = InitialFilter;
        ScheduleEstimate();
    }

    private void SetUsernames(IReadOnlyList<string> names) => Changed(_filter with { Usernames = names.Count == 0 ? null : names });

    private void SetDates((DateOnly? Start, DateOnly? End) range) => Changed(_filter with { StartDate = range.Start, EndDate = range.End });

    private void SetActions(IReadOnlyList<string>? actions) => Changed(_filter with { Actions = actions });

    private void SetFormat(string format)
    {
        _format = format;
        ScheduleEstimate();
    }

    private void Changed(ActivityFilter filter)
    {
        _filter = filter;
        ScheduleEstimate();
    }

    private string FormatLabel(string format) => L[$"ExportFormat_{char.ToUpperInvariant(format[0])}{format[1..]}"];

    private string EstimateText => _estimateState switch
    {
        "ready" when _estimate is { Count: 0 } => L["ExportDialog_EstimateNone"],
        "ready" when _estimate is { CountIsLowerBound: true } e => L["ExportDialog_EstimateMore", Count(e.Count), SizeText(e.EstimatedBytes)],
        "ready" when _estimate is { } e => L["ExportDialog_Estimate", Count(e.Count), SizeText(e.EstimatedBytes)],
        "failed" => L["ExportDialog_EstimateFailed"],
        _ => L["ExportDialog_Estimating"],
    };

    private static string Count(long count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Decimal units (1 MB = 1,000,000 bytes), as storage and downloads count them.</summary>
    private string SizeText(long bytes)
    {
        var culture = CultureInfo.CurrentCulture;
        return bytes switch
        {
            < 1_000_000 => L["Size_KB", Math.Max(1, Math.Round(bytes / 1e3)).ToString("N0", culture)],
            < 100_000_000 => L["Size_MB", (bytes / 1e6).ToString("N1", culture)],
            < 1_000_000_000 => L["Size_MB", (bytes / 1e6).ToString("N0", culture)],
            _ => L["Size_GB", (bytes / 1e9).ToString("N1", culture)],
        };
    }

    /// <summary>Supersedes the estimate in flight (if any) with one for the current filters and format.</summary>
    private void ScheduleEstimate()
    {
        _estimating?.Cancel();
        _estimating?.Dispose();
        _estimating = null;
        _estimateState = "pending";
        if (NoActionSelected)
        {
            return;
        }
        _estimating = new CancellationTokenSource();
        _ = EstimateAsync(_filter, _format, _estimating.Token);
    }

    private async Task EstimateAsync(ActivityFilter filter, string format, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(EstimateDelay, cancellationToken);
            var viewer = await CurrentUser.GetAsync();
            if (viewer.Id is not { } userId || !viewer.IsAdmin)
            {
                return;
            }
            var estimate = await Estimator.EstimateAsync(userId, ExportFilters.FromActivityFilter(filter, viewer.TimeZone), format, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            await InvokeAsync(() =>
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    _estimate = estimate;
                    _estimateState = "ready";
                    StateHasChanged();
                }
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A newer change (or the dialog closing) superseded this estimate.
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Export estimate failed");
            await InvokeAsync(() =>
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    _estimateState = "failed";
                    StateHasChanged();
                }
            });
        }
    }

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
            var origin = new RequestOrigin(Connection.Ip, ClientConnection.PagePath(Navigation));
            var result = await Exports.RequestAsync(userId, filters, _format, restartJob: false, origin, CancellationToken.None);
            if (result is ExportRequestResult.Duplicate duplicate)
            {
                if (!await ConfirmRestartAsync(duplicate))
                {
                    return;
                }
                result = await Exports.RequestAsync(userId, filters, _format, restartJob: true, origin, CancellationToken.None);
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

    public void Dispose()
    {
        _estimating?.Cancel();
        _estimating?.Dispose();
        _estimating = null;
    }
}
