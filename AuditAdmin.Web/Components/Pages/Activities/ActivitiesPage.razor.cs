using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Components.Pages.Export;
using AuditAdmin.Web.Components.Shared.Activities;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>
/// The audit log: filters, export, a paged table and the settings panel. The URL holds the filter and the page,
/// and is the only source of them: a change is written to the URL and read back in OnParametersSet.
/// </summary>
public sealed partial class ActivitiesPage
{
    private ActivitiesPageQuery _query = ActivitiesPageQuery.Parse(null, null, null, null, null, null);
    private CurrentUserInfo? _reader;
    private ActivityTable? _table;
    private bool _showSettings;

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.UsersKey)]
    public string? Users { get; set; }

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.ActionsKey)]
    public string? Actions { get; set; }

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.FromKey)]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.ToKey)]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.SourceKey)]
    public string? Source { get; set; }

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.PageKey)]
    public int? Page { get; set; }

    [SupplyParameterFromQuery(Name = ActivitiesPageQuery.SizeKey)]
    public int? Size { get; set; }

    protected override async Task OnInitializedAsync() => _reader = await CurrentUser.GetAsync();

    protected override void OnParametersSet()
    {
        var query = ActivitiesPageQuery.Parse(Users, Actions, From, To, Page, Size, Source);
        // Keep the same filter instance while its value is unchanged, so children do not see a change.
        _query = ActivityFilterEquality.Same(query.Filter, _query.Filter) ? query with { Filter = _query.Filter } : query;
    }

    private void OnFilterChanged(ActivityFilter filter) => Navigate(_query with { Filter = filter, Page = 1 });

    private void OnPagingChanged((int PageIndex, int PageSize) paging) =>
        Navigate(_query with { Page = paging.PageIndex + 1, PageSize = paging.PageSize });

    private void Navigate(ActivitiesPageQuery query)
    {
        var uri = Navigation.GetUriWithQueryParameters(query.ToParameters());
        if (!string.Equals(uri, Navigation.Uri, StringComparison.Ordinal))
        {
            Navigation.NavigateTo(uri, replace: true);
        }
    }

    private Task ReloadAsync()
    {
        if (_query.Page != 1)
        {
            Navigate(_query with { Page = 1 });
            return Task.CompletedTask;
        }
        return _table?.ReloadAsync() ?? Task.CompletedTask;
    }

    private async Task OpenExportAsync()
    {
        var parameters = new DialogParameters<ExportDialog> { { d => d.InitialFilter, _query.Filter } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        await Dialogs.ShowAsync<ExportDialog>(L["AuditLog_ExportTitle"], parameters, options);
    }
}
