using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Notifications;

/// <summary>
/// A user's notifications together with their targets, for the bell, the notifications page and the API. The targets
/// come from the features that own them (<see cref="INotificationTargetResolver"/>): a page costs the count, the page
/// and one resolution per target model on it, whatever its size.
/// </summary>
public sealed class NotificationFeed(
    IDbContextFactory<AuditAdminDbContext> dbFactory, NotificationService notifications, IEnumerable<INotificationTargetResolver> resolvers)
{
    private readonly Dictionary<string, INotificationTargetResolver> _resolvers =
        resolvers.ToDictionary(r => r.TargetModel, StringComparer.Ordinal);

    public async Task<NotificationEntryPage> ListAsync(string userId, int offset, int limit, string? status, CancellationToken cancellationToken)
    {
        var page = await notifications.ListAsync(userId, offset, limit, status, cancellationToken);
        var entries = await WithTargetsAsync(userId, page.Items, cancellationToken);
        return new NotificationEntryPage(entries, page.TotalCount, page.Offset, page.Limit);
    }

    /// <summary>One of the user's notifications; null for anyone else's.</summary>
    public async Task<NotificationEntry?> FindAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        InAppNotification? notification;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            notification = await db.InAppNotifications.AsNoTracking()
                .FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        }
        return notification is null ? null : (await WithTargetsAsync(userId, [notification], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<NotificationEntry>> WithTargetsAsync(
        string userId, IReadOnlyList<InAppNotification> items, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<Guid, NotificationTarget>();
        foreach (var group in items.GroupBy(n => n.TargetModel, StringComparer.Ordinal))
        {
            if (_resolvers.TryGetValue(group.Key, out var resolver))
            {
                foreach (var (id, target) in await resolver.ResolveAsync(userId, group.ToList(), cancellationToken))
                {
                    targets[id] = target;
                }
            }
        }
        return items.Select(n => new NotificationEntry(n, targets.GetValueOrDefault(n.Id))).ToList();
    }
}
