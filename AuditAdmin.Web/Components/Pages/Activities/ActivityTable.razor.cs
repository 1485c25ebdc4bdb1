using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Components.Shared.Activities;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>
/// One page of the audit log from <see cref="ActivityQueryService"/> (server-side paging), newest first,
/// with a summary line, copyable URLs and an expandable detail row.
/// </summary>
public sealed partial class ActivityTable
{
    private readonly HashSet<long> _expanded = [];
    private MudTable<Activity> _table = default!;
    private ActivityFilter? _loadedFilter;
    private bool _reloadPending;
    private (int First, int Last, int Total) _range;
    private int? _jumpTo;

    /// <summary>Which rows to show.</summary>
    [Parameter, EditorRequired]
    public ActivityFilter Filter { get; set; } = ActivityFilter.None;

    /// <summary>The reader: their zone turns the filter's days into instants and formats the dates.</summary>
    [Parameter, EditorRequired]
    public CurrentUserInfo Reader { get; set; } = default!;

    private string IngestedText(Activity activity) =>
        L["AuditLog_IngestedBy", activity.IngestedBy ?? "—", activity.IngestedAt is { } at ? Reader.FormatDate(at) : "—"];

    /// <summary>Zero-based page to show.</summary>
    [Parameter]
    public int PageIndex { get; set; }

    /// <summary>Rows per page.</summary>
    [Parameter]
    public int PageSize { get; set; } = ActivitiesPageQuery.DefaultPageSize;

    /// <summary>Raised when the reader changes page or page size in the pager.</summary>
    [Parameter]
    public EventCallback<(int PageIndex, int PageSize)> PagingChanged { get; set; }

    private string Summary => L["AuditLog_Summary", _range.First.ToString("N0"), _range.Last.ToString("N0"), _range.Total.ToString("N0")];

    protected override void OnParametersSet()
    {
        if (_loadedFilter is not null && !ActivityFilterEquality.Same(Filter, _loadedFilter))
        {
            _reloadPending = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_reloadPending)
        {
            _reloadPending = false;
            await _table.ReloadServerData();
        }
    }

    /// <summary>Loads the current page again (for example after new rows arrived).</summary>
    public Task ReloadAsync() => _table.ReloadServerData();

    private async Task<TableData<Activity>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var filter = Filter;
        var page = await Queries.ListAsync(filter, Reader.TimeZone, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _loadedFilter = filter;
        var first = page.TotalCount == 0 ? 0 : Math.Min(page.Offset + 1, page.TotalCount);
        _range = (first, Math.Min(page.Offset + page.Items.Count, page.TotalCount), page.TotalCount);
        // The summary lives outside MudTable, which only re-renders itself after a load.
        StateHasChanged();
        return new TableData<Activity> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private int RowsPerPage => _table?.RowsPerPage > 0 ? _table.RowsPerPage : PageSize;

    private int PageCount => Math.Max(1, (_range.Total + RowsPerPage - 1) / RowsPerPage);

    private int CurrentPageNumber => (_table?.CurrentPage ?? PageIndex) + 1;

    /// <summary>A numbered page link (1-based); the table's page change puts it in the URL.</summary>
    private Task GoToPageAsync(int pageNumber)
    {
        _table.NavigateTo(Math.Clamp(pageNumber, 1, PageCount) - 1);
        return Task.CompletedTask;
    }

    private Task JumpAsync()
    {
        if (_jumpTo is not { } page)
        {
            return Task.CompletedTask;
        }
        _jumpTo = null;
        return GoToPageAsync(page);
    }

    private Task OnCurrentPageChanged(int pageIndex) => PagingChanged.InvokeAsync((pageIndex, _table.RowsPerPage));

    private Task OnRowsPerPageChanged(int pageSize) => PagingChanged.InvokeAsync((_table.CurrentPage, pageSize));

    private void ToggleDetail(long id)
    {
        if (!_expanded.Remove(id))
        {
            _expanded.Add(id);
        }
    }

    private async Task CopyAsync(Activity activity)
    {
        try
        {
            await JS.InvokeVoidAsync("auditAdmin.copyText", activity.Endpoint);
            Snackbar.Add(L["AuditLog_Copied"], Severity.Success, o => o.VisibleStateDuration = 1500);
        }
        catch (JSException)
        {
            Snackbar.Add(L["AuditLog_CopyFailed"], Severity.Warning);
        }
    }
}
