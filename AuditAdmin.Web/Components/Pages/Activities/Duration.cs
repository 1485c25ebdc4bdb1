using AuditAdmin.Resources;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>A number of seconds as a reader would say it: "30 days", "1 day 6 hours".</summary>
public static class Duration
{
    public static string Format(long seconds, IStringLocalizer<ActivityResource> localizer)
    {
        if (seconds <= 0)
        {
            return localizer["AuditLog_Duration_Seconds", 0];
        }
        var parts = new List<string>();
        Add(seconds / 86_400, "Day");
        Add(seconds % 86_400 / 3_600, "Hour");
        Add(seconds % 3_600 / 60, "Minute");
        Add(seconds % 60, "Second");
        return string.Join(" ", parts);

        void Add(long value, string unit)
        {
            if (value > 0)
            {
                parts.Add(localizer[value == 1 ? $"AuditLog_Duration_{unit}" : $"AuditLog_Duration_{unit}s", value.ToString("N0")]);
            }
        }
    }
}
