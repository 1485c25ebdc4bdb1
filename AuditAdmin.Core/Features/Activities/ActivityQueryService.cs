using AuditAdmin.Core.Data;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>Reads the audit log for the list page and the list API: filtered, newest first, paged.</summary>
public sealed class ActivityQueryService(IDbContextFactory<AuditAdminDbContext> dbFactory, AvailableActions availableActions)
{
    public const int MaxLimit = 100;

    public async Task<ActivityPage> ListAsync(ActivityFilter filter, TimeZoneInfo zone, int offset, int limit, CancellationToken cancellationToken)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.Activities.AsNoTracking(), filter, zone);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new ActivityPage(items, total, offset, limit);
    }

    /// <summary>Recorded usernames starting with the prefix (case-insensitive), for the username autocomplete.</summary>
    public async Task<IReadOnlyList<string>> SuggestUsernamesAsync(string? prefix, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Activities.AsNoTracking().Where(a => a.Username != null);
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            var p = prefix.Trim();
            query = query.Where(a => EF.Functions.Like(a.Username!, EscapeLike(p) + "%", "\\"));
        }
        return await query.Select(a => a.Username!).Distinct().OrderBy(u => u).Take(Math.Clamp(limit, 1, 50)).ToListAsync(cancellationToken);
    }

    public IQueryable<Activity> Apply(IQueryable<Activity> query, ActivityFilter filter, TimeZoneInfo zone)
    {
        if (filter.Usernames is { Count: > 0 } usernames)
        {
            query = query.Where(a => usernames.Contains(a.Username!));
        }
        if (filter.Actions is { } actions)
        {
            // Only searchable actions can be asked for; an empty intersection yields no rows.
            var allowed = actions.Intersect(availableActions.Get(includeEssential: false)).ToList();
            query = query.Where(a => allowed.Contains(a.Action));
        }
        var start = filter.StartDate ?? filter.EndDate;
        var end = filter.EndDate ?? filter.StartDate;
        if (start is { } s && end is { } e)
        {
            var fromUtc = UserTime.StartOfDayUtc(s, zone);
            var toUtcExclusive = UserTime.StartOfDayUtc(e.AddDays(1), zone);
            query = query.Where(a => a.CreatedAt >= fromUtc && a.CreatedAt < toUtcExclusive);
        }
        return query;
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
