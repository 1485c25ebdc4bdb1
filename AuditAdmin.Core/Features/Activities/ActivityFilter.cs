using AuditAdmin.Core.Identity;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// The list page's filter, shared by the UI, the list API and the export dialog.
/// Dates are whole days in the reader's time zone; the end day is included to its last instant.
/// Null lists mean "no filter"; an empty action list matches nothing (an empty username list is no filter).
/// </summary>
public sealed record ActivityFilter
{
    public IReadOnlyList<string>? Usernames { get; init; }
    public IReadOnlyList<string>? Actions { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary><see cref="ActivitySources.App"/> or <see cref="ActivitySources.Ingested"/>; null: both. The list's filter only (exports hold every source).</summary>
    public string? Source { get; init; }

    public static readonly ActivityFilter None = new();

    /// <summary>
    /// The dates as UTC instants, <c>From &lt;= CreatedAt &lt; ToExclusive</c>, each day read in <paramref name="zone"/>:
    /// start and end → from the start of the start day to the end of the end day;
    /// start only → that one day (as the reference does);
    /// end only → everything up to the end of the end day (the reference ignores a lone end date);
    /// neither → no bound. Identical to <c>ExportFilters.FromActivityFilter</c>, whose DateTo is ToExclusive − 1 tick.
    /// </summary>
    public (DateTime? From, DateTime? ToExclusive) ToUtcRange(TimeZoneInfo zone)
    {
        var lastDay = EndDate ?? StartDate;
        return (StartDate is { } s ? UserTime.StartOfDayUtc(s, zone) : null,
            lastDay is { } e ? UserTime.StartOfDayUtc(e.AddDays(1), zone) : null);
    }
}

public sealed record ActivityPage(IReadOnlyList<Activity> Items, int TotalCount, int Offset, int Limit);
