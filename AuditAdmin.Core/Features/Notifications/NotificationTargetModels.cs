namespace AuditAdmin.Core.Features.Notifications;

/// <summary>Values of <see cref="InAppNotification.TargetModel"/>, spelled as GROWI spells them.</summary>
public static class NotificationTargetModels
{
    public const string AuditLogBulkExportJob = nameof(AuditLogBulkExportJob);
}
