using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Core.Features.Export;

/// <summary>
/// What an export selects. Dates are UTC instants: DateFrom inclusive, DateTo inclusive.
/// Null or empty lists mean "no filter" on that field.
/// </summary>
public sealed record ExportFilters
{
    public IReadOnlyList<string>? Usernames { get; init; }
    public IReadOnlyList<string>? Actions { get; init; }
    public DateTime? DateFrom { get; init; }
    public DateTime? DateTo { get; init; }

    /// <summary>The list page's filter as an export: whole days in the admin's zone, the end day to its last instant.</summary>
    public static ExportFilters FromActivityFilter(ActivityFilter filter, TimeZoneInfo zone) => new()
    {
        Usernames = filter.Usernames,
        Actions = filter.Actions,
        DateFrom = filter.StartDate is { } s ? UserTime.StartOfDayUtc(s, zone) : null,
        DateTo = (filter.EndDate ?? filter.StartDate) is { } e ? UserTime.StartOfDayUtc(e.AddDays(1), zone).AddTicks(-1) : null,
    };
}
