namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// The list page's filter, shared by the UI, the list API and the export dialog.
/// Dates are whole days in the reader's time zone; the end day is included to its last instant.
/// Null lists mean "no filter"; an empty action list matches nothing.
/// </summary>
public sealed record ActivityFilter
{
    public IReadOnlyList<string>? Usernames { get; init; }
    public IReadOnlyList<string>? Actions { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    public static readonly ActivityFilter None = new();
}

public sealed record ActivityPage(IReadOnlyList<Activity> Items, int TotalCount, int Offset, int Limit);
