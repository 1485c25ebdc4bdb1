using AuditAdmin.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>MudBlazor's own texts (pager, pickers) from SharedResource keys such as MudDataGridPager_RowsPerPage.</summary>
internal sealed class ResXMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];
}
