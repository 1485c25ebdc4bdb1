namespace AuditAdmin.Core.Identity;

/// <summary>The UI languages. zh-Hans rather than zh, so Traditional Chinese readers fall back to English.</summary>
public static class SupportedCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> All = ["en", "fr", "ja", "ko", "zh-Hans"];

    public static bool IsSupported(string? culture) =>
        culture is not null && All.Contains(culture, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of a supported culture, or null.</summary>
    public static string? Normalize(string? culture) =>
        All.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
}
