using MudBlazor;

namespace AuditAdmin.Web.Components.Layout;

internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3949ab", AppbarBackground = "#283593" },
        PaletteDark = new PaletteDark { Primary = "#7986cb" },
    };
}
