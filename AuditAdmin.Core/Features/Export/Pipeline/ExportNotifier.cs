using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Features.Notifications;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>Tells a job's owner what became of it: an in-app notification plus the matching (essential) activity.</summary>
internal sealed class ExportNotifier(
    NotificationService notifications,
    NotificationBroadcaster broadcaster,
    ExportJobActivity activity)
{
    /// <summary>The owner's notification and activity; <paramref name="action"/> is one of the AUDIT_LOG_BULK_EXPORT_* results.</summary>
    public async Task NotifyAsync(AuditLogBulkExportJob job, string action, CancellationToken cancellationToken)
    {
        await notifications.NotifyAsync(job.UserId, action, ExportService.TargetModel, job.Id.ToString(), cancellationToken);
        await activity.RecordAsync(job.UserId, job.Id, action, origin: null, cancellationToken);
    }

    /// <summary>Lets the owner's open pages refresh after a status or progress change.</summary>
    public Task StatusChangedAsync(string userId) => broadcaster.PublishAsync(userId);
}
