using System.Globalization;
using System.Text.RegularExpressions;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// The export API's dates: strict ISO-8601 only. A date-only value is a whole day in the caller's time zone (dateFrom
/// from its first instant, dateTo to its last); a date-time without an offset is read in that zone too.
/// </summary>
internal static partial class ExportDateParser
{
    /// <summary>'2026-01-31' (a whole day in the zone), '2026-01-31T10:00:00Z', with an offset, or local to the zone.</summary>
    /// <remarks>False too for days outside <see cref="UserTime.FirstSupportedDay"/>..<see cref="UserTime.LastSupportedDay"/>.</remarks>
    public static bool TryParse(string text, TimeZoneInfo zone, bool endOfDay, out DateTime utc)
    {
        if (!TryParseAny(text, zone, endOfDay, out utc) || !UserTime.IsSupportedInstant(utc))
        {
            utc = default;
            return false;
        }
        return true;
    }

    private static bool TryParseAny(string text, TimeZoneInfo zone, bool endOfDay, out DateTime utc)
    {
        utc = default;
        if (DateOnlyPattern().IsMatch(text))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !UserTime.IsSupportedDay(day))
            {
                return false;
            }
            utc = endOfDay ? UserTime.StartOfDayUtc(day.AddDays(1), zone).AddTicks(-1) : UserTime.StartOfDayUtc(day, zone);
            return true;
        }
        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        if (match.Groups["zone"].Success)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                || !UserTime.IsSupportedDay(DateOnly.FromDateTime(instant.DateTime)))
            {
                return false;
            }
            utc = instant.UtcDateTime;
            return true;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !UserTime.IsSupportedDay(DateOnly.FromDateTime(local)))
        {
            return false;
        }
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        return true;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
