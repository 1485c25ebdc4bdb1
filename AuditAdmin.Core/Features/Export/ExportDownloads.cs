using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export;

/// <summary>An export zip its owner asked for, and until when it may be downloaded.</summary>
public sealed record ExportDownload(Attachment Attachment, DateTime ExpiresAt);

/// <summary>The download window is checked when the zip is asked for, not only when the cleanup runs.</summary>
public sealed class ExportDownloads(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    AttachmentService attachments,
    IOptionsMonitor<ExportOptions> options)
{
    /// <summary>The owner's attachment with its expiry; null when it does not exist or belongs to someone else.</summary>
    public async Task<ExportDownload?> FindAsync(string userId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await attachments.FindOwnedAsync(userId, attachmentId, cancellationToken);
        if (attachment is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var completedAt = await db.AuditLogBulkExportJobs
            .Where(j => j.AttachmentId == attachmentId && j.Status == ExportStatus.Completed)
            .MaxAsync(j => j.CompletedAt, cancellationToken);
        return new ExportDownload(attachment, ExpiresAt(completedAt ?? attachment.CreatedAt));
    }

    public DateTime ExpiresAt(DateTime completedAt) => completedAt.AddSeconds(options.CurrentValue.DownloadExpirationSeconds);
}
