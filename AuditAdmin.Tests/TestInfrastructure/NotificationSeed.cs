using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Rows for notification tests, inserted as the export pipeline would leave them.</summary>
public static class NotificationSeed
{
    public static async Task<AuditLogBulkExportJob> AddJobAsync(IDbContextFactory<AuditAdminDbContext> dbFactory, string userId,
        string status, DateTime? completedAt = null, bool withAttachment = false, DateTime? createdAt = null, string? filters = null,
        long count = 0)
    {
        var now = DateTime.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var job = new AuditLogBulkExportJob
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Filters = filters ?? "{}",
            FilterHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'),
            Status = status,
            TotalExportedCount = count,
            CreatedAt = createdAt ?? now,
            AsOfAt = createdAt ?? now,
            UpdatedAt = now,
            CompletedAt = completedAt,
        };
        if (withAttachment)
        {
            var attachment = new Attachment
            {
                Id = Guid.CreateVersion7(),
                CreatorId = userId,
                FileName = $"exports/{Guid.NewGuid():N}.zip",
                OriginalName = $"audit-logs-{job.FilterHash}.zip",
                FileFormat = "zip",
                AttachmentType = AttachmentTypes.AuditLogBulkExport,
                CreatedAt = completedAt ?? now,
            };
            db.Attachments.Add(attachment);
            job.AttachmentId = attachment.Id;
        }
        db.AuditLogBulkExportJobs.Add(job);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return job;
    }

    public static async Task<InAppNotification> AddNotificationAsync(IDbContextFactory<AuditAdminDbContext> dbFactory, string userId,
        string action, Guid jobId, DateTime createdAt, string status = InAppNotificationStatus.Unopened)
    {
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var notification = new InAppNotification
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Action = action,
            TargetModel = ExportService.TargetModel,
            TargetId = jobId.ToString(),
            Status = status,
            CreatedAt = createdAt,
        };
        db.InAppNotifications.Add(notification);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return notification;
    }

    public static async Task<string> StatusAsync(IDbContextFactory<AuditAdminDbContext> dbFactory, Guid notificationId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.InAppNotifications.Where(n => n.Id == notificationId).Select(n => n.Status)
            .SingleAsync(TestContext.Current.CancellationToken);
    }
}
