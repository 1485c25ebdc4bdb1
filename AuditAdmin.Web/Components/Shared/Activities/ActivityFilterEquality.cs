using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Web.Components.Shared.Activities;

/// <summary>
/// Value equality for <see cref="ActivityFilter"/>: the record compares its lists by reference,
/// while two filters with the same names, actions and days select the same rows.
/// </summary>
public static class ActivityFilterEquality
{
    public static bool Same(ActivityFilter? a, ActivityFilter? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null
            && SameList(a.Usernames, b.Usernames)
            && SameList(a.Actions, b.Actions)
            && a.StartDate == b.StartDate
            && a.EndDate == b.EndDate
            && a.Source == b.Source);

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);
}
