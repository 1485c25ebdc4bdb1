using System.Globalization;

namespace AuditAdmin.Web.Components.Pages.Users;

internal static class LanguageNames
{
    /// <summary>A language in its own name ("日本語", "Français"), as the language switcher shows it.</summary>
    public static string Native(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        return info.TextInfo.ToTitleCase(info.NativeName);
    }
}
