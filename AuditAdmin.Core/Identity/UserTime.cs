using System.Globalization;

namespace AuditAdmin.Core.Identity;

/// <summary>Converts between UTC instants and a user's IANA time zone.</summary>
public static class UserTime
{
    public static TimeZoneInfo FindZone(string? ianaId)
    {
        if (!string.IsNullOrWhiteSpace(ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone))
        {
            return zone;
        }
        return TimeZoneInfo.Utc;
    }

    public static bool IsKnownZone(string? ianaId) =>
        !string.IsNullOrWhiteSpace(ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out _);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The UTC instant at which a local calendar day starts in the zone (handles DST gaps).</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Formats a UTC instant as the user reads it: their zone, their culture.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone, CultureInfo culture) =>
        ToLocal(utc, zone).ToString("G", culture);
}
