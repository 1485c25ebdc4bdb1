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

    /// <summary>
    /// The zone's own IANA id as the system spells it; false for unknown ids and for Windows ids
    /// ("Tokyo Standard Time"), which this machine may resolve but browsers and other readers would not.
    /// </summary>
    public static bool TryNormalizeIanaId(string? id, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) || !zone.HasIanaId)
        {
            return false;
        }
        normalized = zone.Id;
        return true;
    }

    /// <summary>Every IANA zone id known to this machine, sorted.</summary>
    public static IReadOnlyList<string> IanaZoneIds { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The first and last calendar days a filter may name. Far wider than any audit log, and narrow enough that a day's
    /// first and last instants exist in every zone (9999-12-31 ends after DateTime.MaxValue east of UTC).
    /// </summary>
    public static readonly DateOnly FirstSupportedDay = new(1900, 1, 1);

    public static readonly DateOnly LastSupportedDay = new(9998, 12, 31);

    public static bool IsSupportedDay(DateOnly day) => day >= FirstSupportedDay && day <= LastSupportedDay;

    /// <summary>An instant within the supported days, whatever the zone it was written in.</summary>
    public static bool IsSupportedInstant(DateTime utc) =>
        utc >= FirstSupportedDay.AddDays(-1).ToDateTime(TimeOnly.MinValue) && utc < LastSupportedDay.AddDays(1).ToDateTime(TimeOnly.MinValue);

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
