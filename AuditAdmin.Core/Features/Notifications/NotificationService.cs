using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Notifications;

public sealed record NotificationPage(IReadOnlyList<InAppNotification> Items, int TotalCount, int Offset, int Limit);

/// <summary>Creates, lists and opens a user's in-app notifications; every change is broadcast to the user's circuits.</summary>
public sealed class NotificationService(
    IDbContextFactory<AuditAdminDbContext> dbFactory, NotificationBroadcaster broadcaster, TimeProvider clock)
{
    public async Task<InAppNotification> NotifyAsync(string userId, string action, string targetModel, string targetId,
        CancellationToken cancellationToken)
    {
        var notification = Create(userId, action, targetModel, targetId);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.InAppNotifications.Add(notification);
            await db.SaveChangesAsync(cancellationToken);
        }
        await broadcaster.PublishAsync(userId);
        return notification;
    }

    /// <summary>
    /// A notification for a caller that saves it in its own transaction, with the change it announces; publish to
    /// the <see cref="NotificationBroadcaster"/> once that is committed.
    /// </summary>
    public InAppNotification Create(string userId, string action, string targetModel, string targetId) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Action = action,
        TargetModel = targetModel,
        TargetId = targetId,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    public async Task<int> CountUnopenedAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InAppNotifications.CountAsync(n => n.UserId == userId && n.Status == InAppNotificationStatus.Unopened, cancellationToken);
    }

    public async Task<NotificationPage> ListAsync(string userId, int offset, int limit, string? status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.InAppNotifications.AsNoTracking().Where(n => n.UserId == userId);
        if (status is not null)
        {
            query = query.Where(n => n.Status == status);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, offset)).Take(Math.Clamp(limit, 1, 100)).ToListAsync(cancellationToken);
        return new NotificationPage(items, total, offset, limit);
    }

    /// <summary>Marks one of the user's notifications opened; false when it is not theirs.</summary>
    public async Task<bool> OpenAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        int changed;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var exists = await db.InAppNotifications.AnyAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
            if (!exists)
            {
                return false;
            }
            changed = await db.InAppNotifications.Where(n => n.Id == id && n.Status == InAppNotificationStatus.Unopened)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, InAppNotificationStatus.Opened), cancellationToken);
        }
        if (changed > 0)
        {
            await broadcaster.PublishAsync(userId);
        }
        return true;
    }

    public async Task<int> OpenAllAsync(string userId, CancellationToken cancellationToken)
    {
        int changed;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            changed = await db.InAppNotifications.Where(n => n.UserId == userId && n.Status == InAppNotificationStatus.Unopened)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, InAppNotificationStatus.Opened), cancellationToken);
        }
        if (changed > 0)
        {
            await broadcaster.PublishAsync(userId);
        }
        return changed;
    }
}
