using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Notifications;

/// <summary>
/// A user's notifications together with their targets, for the bell, the notifications page and the API.
/// A page costs three queries whatever its size: count, page, and one for all the targets.
/// </summary>
public sealed class NotificationFeed(
    IDbContextFactory<AuditAdminDbContext> dbFactory, NotificationService notifications, ExportDownloads downloads, TimeProvider clock)
{
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
        var jobIds = items.Where(n => n.TargetModel == ExportService.TargetModel)
            .Select(n => Guid.TryParse(n.TargetId, out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        var jobs = jobIds.Count == 0
            ? new Dictionary<Guid, ExportJobTarget>()
            : await LoadJobsAsync(userId, jobIds, cancellationToken);

        return items.Select(n => new NotificationEntry(n,
                n.TargetModel == ExportService.TargetModel && Guid.TryParse(n.TargetId, out var id)
                    ? jobs.GetValueOrDefault(id)
                    : null))
            .ToList();
    }

    private async Task<Dictionary<Guid, ExportJobTarget>> LoadJobsAsync(string userId, List<Guid> jobIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The owner filter is defence in depth: a notification never points at someone else's job.
        var rows = await db.AuditLogBulkExportJobs.AsNoTracking()
            .Where(j => j.UserId == userId && jobIds.Contains(j.Id))
            .Select(j => new
            {
                j.Id,
                j.Status,
                j.CreatedAt,
                j.CompletedAt,
                j.TotalExportedCount,
                AttachmentId = db.Attachments.Where(a => a.Id == j.AttachmentId).Select(a => (Guid?)a.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.ToDictionary(r => r.Id, r =>
        {
            var attachmentId = r.Status == ExportStatus.Completed ? r.AttachmentId : null;
            return new ExportJobTarget(r.Id, r.Status, r.CreatedAt, r.CompletedAt, r.TotalExportedCount, attachmentId,
                attachmentId is not null && r.CompletedAt is { } completedAt && now < downloads.ExpiresAt(completedAt));
        });
    }
}
