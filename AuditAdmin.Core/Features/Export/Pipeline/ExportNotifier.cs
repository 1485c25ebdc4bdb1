using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Features.Notifications;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// What a job's owner is told of its result: an in-app notification plus the matching (custody) activity, saved in the
/// transaction of the job's final transition (<see cref="ExportJobTransitions"/>), so neither can be lost without the other.
/// </summary>
internal sealed record ExportNotice(InAppNotification Notification, Activity? Activity)
{
    public void AddTo(AuditAdminDbContext db)
    {
        db.InAppNotifications.Add(Notification);
        if (Activity is not null)
        {
            db.Activities.Add(Activity);
        }
    }
}

/// <summary>Prepares the owner's notice of a result and lets their open pages know when something changed.</summary>
internal sealed class ExportNotifier(
    NotificationService notifications,
    NotificationBroadcaster broadcaster,
    ExportJobActivity activity)
{
    /// <summary>The notice of <paramref name="action"/> (one of the AUDIT_LOG_BULK_EXPORT_* results), not saved yet.</summary>
    public async Task<ExportNotice> NoticeAsync(AuditLogBulkExportJob job, string action, CancellationToken cancellationToken) =>
        new(notifications.Create(job.UserId, action, ExportService.TargetModel, job.Id.ToString()),
            await activity.CreateAsync(job.UserId, job.Id, action, cancellationToken));

    /// <summary>Lets the owner's open pages (and bell) refresh after a status, progress or notice change.</summary>
    public Task StatusChangedAsync(string userId) => broadcaster.PublishAsync(userId);
}
