using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Shared.Activities;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Export;

/// <summary>The admin's own export jobs, kept current through the notification broadcaster (the pipeline publishes every status change).</summary>
public sealed partial class ExportsPage
{
    private CurrentUserInfo _viewer = CurrentUserInfo.From(new System.Security.Claims.ClaimsPrincipal());
    private IReadOnlyList<ExportRow>? _rows;
    private IDisposable? _subscription;
    private string _statusFilter = AllStatuses;

    private const string AllStatuses = "all";
    private const string InProgress = "in-progress";

    private IEnumerable<ExportRow> VisibleRows => (_rows ?? []).Where(row => _statusFilter switch
    {
        AllStatuses => true,
        InProgress => ExportStatus.IsInProgress(row.Job.Status),
        var status => row.Job.Status == status,
    });

    private void OnStatusFilterChanged(string? status) => _statusFilter = status ?? AllStatuses;

    /// <param name="Filters">Null when the stored filters cannot be read.</param>
    private sealed record ExportRow(AuditLogBulkExportJob Job, ExportFilters? Filters, ExportDownloadState Download);

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentUser.GetAsync();
        await LoadAsync();
        if (RendererInfo.IsInteractive && _viewer.Id is { } userId)
        {
            _subscription = Broadcaster.Subscribe(userId, () => InvokeAsync(RefreshAsync));
        }
    }

    private async Task LoadAsync()
    {
        if (_viewer.Id is not { } userId)
        {
            return;
        }
        var jobs = await Exports.ListJobsAsync(userId, CancellationToken.None);
        var downloads = await Downloads.StatesAsync(jobs, CancellationToken.None);
        _rows = jobs.Select(job => new ExportRow(job, ReadFilters(job), downloads[job.Id])).ToList();
    }

    private async Task RefreshAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Could not refresh the exports page");
        }
    }

    private async Task CancelAsync(AuditLogBulkExportJob job)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Exports_CancelConfirm_Title"], L["Exports_CancelConfirm_Text"],
            yesText: L["Exports_CancelConfirm_Yes"], cancelText: L["Exports_CancelConfirm_No"]);
        if (confirmed != true || _viewer.Id is not { } userId)
        {
            return;
        }
        var result = await Cancellation.CancelAsync(userId, job.Id, CancellationToken.None);
        Snackbar.Add(result == ExportCancelResult.Cancelled ? L["Exports_Cancelled"] : L["Exports_CancelEnded"],
            result == ExportCancelResult.Cancelled ? Severity.Success : Severity.Info);
        await RefreshAsync();
    }

    private async Task NewExportAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        await Dialogs.ShowAsync<ExportDialog>(L["ExportDialog_Title"], options);
    }

    private ExportFilters? ReadFilters(AuditLogBulkExportJob job)
    {
        try
        {
            return CanonicalExportFilters.Parse(job.Filters);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            Logger.LogWarning(ex, "Export job {JobId} has unreadable filters", job.Id);
            return null;
        }
    }

    private string FiltersSummary(ExportFilters? filters)
    {
        if (filters is null)
        {
            return "—";
        }
        var users = filters.Usernames is { Count: > 0 } names ? L["Filters_Users", string.Join(", ", names)] : L["Filters_AllUsers"];
        var actions = filters.Actions switch
        {
            null or { Count: 0 } => L["Filters_AllActions"].Value,
            { Count: 1 } one => ActionLabelText.Of(ActionLabels, one[0]),
            var many => L["Filters_Actions", many.Count].Value,
        };
        return $"{users} · {actions} · {DatesSummary(filters)}";
    }

    private string DatesSummary(ExportFilters filters)
    {
        // Stored as instants; the reader sees the calendar days they cover in their own zone.
        string Day(DateTime utc) => UserTime.ToLocal(utc, _viewer.TimeZone).ToString("d", System.Globalization.CultureInfo.CurrentCulture);
        return (filters.DateFrom, filters.DateTo) switch
        {
            ({ } from, { } to) => L["Filters_DateRange", Day(from), Day(to)],
            ({ } from, null) => L["Filters_From", Day(from)],
            (null, { } to) => L["Filters_Until", Day(to)],
            _ => L["Filters_AnyDate"],
        };
    }

    private string StatusText(string status) => L[status switch
    {
        ExportStatus.Exporting => "ExportStatus_Exporting",
        ExportStatus.Uploading => "ExportStatus_Uploading",
        ExportStatus.Completed => "ExportStatus_Completed",
        ExportStatus.Cancelled => "ExportStatus_Cancelled",
        _ => "ExportStatus_Failed",
    }];

    private static Color StatusColor(string status) => status switch
    {
        ExportStatus.Completed => Color.Success,
        ExportStatus.Failed => Color.Error,
        ExportStatus.Cancelled => Color.Default,
        _ => Color.Info,
    };

    private static string StatusIcon(string status) => status switch
    {
        ExportStatus.Completed => Icons.Material.Filled.CheckCircle,
        ExportStatus.Failed => Icons.Material.Filled.Error,
        ExportStatus.Cancelled => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Filled.HourglassTop,
    };

    public void Dispose() => _subscription?.Dispose();
}
