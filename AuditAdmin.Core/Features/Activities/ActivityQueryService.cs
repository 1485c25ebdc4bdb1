using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>Reads the audit log for the list page and the list API: filtered, newest first, paged.</summary>
public sealed class ActivityQueryService(IDbContextFactory<AuditAdminDbContext> dbFactory, AvailableActions availableActions)
{
    public const int MaxLimit = 100;

    /// <summary>
    /// One page, newest first (CreatedAt, then Id, descending), and the number of matching rows.
    /// Filter semantics are those of <see cref="Apply"/>; <paramref name="offset"/> is clamped to ≥ 0,
    /// <paramref name="limit"/> to 1..<see cref="MaxLimit"/>.
    /// </summary>
    public async Task<ActivityPage> ListAsync(ActivityFilter filter, TimeZoneInfo zone, int offset, int limit, CancellationToken cancellationToken)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.Activities.AsNoTracking(), filter, zone);
        var total = await query.CountAsync(cancellationToken);
        if (total <= offset)
        {
            return new ActivityPage([], total, offset, limit);
        }
        List<Activity> items;
        if (offset <= total / 2)
        {
            items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Skip(offset).Take(limit).ToListAsync(cancellationToken);
        }
        else
        {
            // Past the middle, skip from the oldest end instead: the database steps over at most half the rows
            // (the last page of a million costs what the first does), then the page is put back newest first.
            var count = Math.Min(limit, total - offset);
            items = await query.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .Skip(total - offset - count).Take(count).ToListAsync(cancellationToken);
            items.Reverse();
        }
        return new ActivityPage(items, total, offset, limit);
    }

    /// <summary>
    /// Recorded usernames containing the text anywhere (case-insensitive), for the username autocomplete: those of
    /// active accounts first, then inactive ones, then names no account has any more (as GROWI groups them); within a
    /// group, names starting with the text come first, then alphabetical order.
    /// </summary>
    public async Task<IReadOnlyList<UsernameSuggestion>> SuggestUsernamesAsync(string? text, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.RecordedUsernames.AsNoTracking().Select(r => r.Username);
        var search = text?.Trim() ?? "";
        if (search.Length > 0)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            // LIKE ignores case on SQLite (ASCII) and SQL Server's usual collations, but not on PostgreSQL.
            query = db.Database.IsNpgsql()
                ? query.Where(u => EF.Functions.ILike(u, pattern, "\\"))
                : query.Where(u => EF.Functions.Like(u, pattern, "\\"));
        }
        // Enough candidates that the grouping, not the alphabet, decides which names make the cut.
        var names = await query.OrderBy(u => u).Take(limit * 5).ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.IsActive }).ToListAsync(cancellationToken);
        var presence = accounts.ToDictionary(a => a.UserName!, a => a.IsActive ? UserPresence.Active : UserPresence.Inactive, StringComparer.Ordinal);
        return names
            .Select(n => new UsernameSuggestion(n, presence.GetValueOrDefault(n, UserPresence.Deleted)))
            .OrderBy(s => s.Presence)
            .ThenBy(s => s.Username.StartsWith(search, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(s => s.Username, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// The current names of the users behind these ids, in one query; ids of deleted users are absent.
    /// For showing the actor of a page of activities (<c>user</c> in the API) without a query per row.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> FindUserNamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string?>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.UserName, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// Applies the filter: usernames match the recorded <see cref="Activity.Username"/> exactly (a non-empty list);
    /// actions, when given, are intersected with the searchable actions (available, without essentials, as the
    /// reference does), so an empty intersection matches nothing; dates as <see cref="ActivityFilter.ToUtcRange"/>.
    /// </summary>
    public IQueryable<Activity> Apply(IQueryable<Activity> query, ActivityFilter filter, TimeZoneInfo zone)
    {
        if (filter.Usernames is { Count: > 0 } usernames)
        {
            var names = usernames.Distinct(StringComparer.Ordinal).ToList();
            query = query.Where(a => names.Contains(a.Username!));
        }
        if (filter.Actions is { } actions)
        {
            var allowed = actions.Intersect(availableActions.Get(includeEssential: false), StringComparer.Ordinal).ToList();
            query = query.Where(a => allowed.Contains(a.Action));
        }
        if (filter.Source is { } source)
        {
            query = query.Where(a => a.Source == source);
        }
        var (from, toExclusive) = filter.ToUtcRange(zone);
        if (from is { } f)
        {
            query = query.Where(a => a.CreatedAt >= f);
        }
        if (toExclusive is { } t)
        {
            query = query.Where(a => a.CreatedAt < t);
        }
        return query;
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
