using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export;

/// <summary>Tells a job's owner what became of it: an in-app notification plus the matching (essential) activity.</summary>
public sealed class ExportNotifier(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    NotificationService notifications,
    NotificationBroadcaster broadcaster,
    IActivityRecorder recorder)
{
    /// <summary>The owner's notification and activity; <paramref name="action"/> is one of the AUDIT_LOG_BULK_EXPORT_* results.</summary>
    public async Task NotifyAsync(AuditLogBulkExportJob job, string action, CancellationToken cancellationToken)
    {
        await notifications.NotifyAsync(job.UserId, action, ExportService.TargetModel, job.Id.ToString(), cancellationToken);
        string? username;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            username = await db.Users.Where(u => u.Id == job.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        }
        await recorder.RecordAsync(new ActivityEntry(action)
        {
            UserId = job.UserId,
            Username = username,
            TargetModel = ExportService.TargetModel,
            Target = job.Id.ToString(),
        }, cancellationToken);
    }

    /// <summary>Lets the owner's open pages refresh after a status or progress change.</summary>
    public Task StatusChangedAsync(string userId) => broadcaster.PublishAsync(userId);
}
