using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Core.Features.Notifications;

/// <summary>What a notification tells its reader; each kind has its own localised message.</summary>
public enum NotificationKind
{
    /// <summary>An action this version cannot describe.</summary>
    Other,
    ExportReady,
    ExportDownloadExpired,
    ExportFailed,
    ExportJobExpired,
    ExportNoResults,
}

/// <summary>The export job a notification points at, as its owner sees it now.</summary>
/// <param name="AttachmentId">The zip, when the job completed and its attachment still exists.</param>
/// <param name="DownloadAvailable">The zip exists and the download window is still open.</param>
public sealed record ExportJobTarget(
    Guid Id,
    string Status,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    long TotalExportedCount,
    Guid? AttachmentId,
    bool DownloadAvailable);

/// <summary>A notification with its (possibly deleted) target.</summary>
public sealed record NotificationEntry(InAppNotification Notification, ExportJobTarget? Job)
{
    public bool IsUnopened => Notification.Status == InAppNotificationStatus.Unopened;

    public NotificationKind Kind => Notification.Action switch
    {
        SupportedActions.AuditLogBulkExportCompleted when Job is { DownloadAvailable: true } => NotificationKind.ExportReady,
        SupportedActions.AuditLogBulkExportCompleted => NotificationKind.ExportDownloadExpired,
        SupportedActions.AuditLogBulkExportFailed => NotificationKind.ExportFailed,
        SupportedActions.AuditLogBulkExportJobExpired => NotificationKind.ExportJobExpired,
        SupportedActions.AuditLogBulkExportNoResults => NotificationKind.ExportNoResults,
        _ => NotificationKind.Other,
    };

    /// <summary>The zip to download when the notification is clicked; null when there is nothing to download.</summary>
    public Guid? DownloadAttachmentId => Kind == NotificationKind.ExportReady ? Job!.AttachmentId : null;
}

public sealed record NotificationEntryPage(IReadOnlyList<NotificationEntry> Items, int TotalCount, int Offset, int Limit);
