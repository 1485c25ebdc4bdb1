using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export;

/// <summary>An export zip its owner asked for, and until when it may be downloaded.</summary>
public sealed record ExportDownload(Attachment Attachment, DateTime ExpiresAt);

/// <summary>Whether a job's zip can be downloaded now.</summary>
/// <param name="ExpiresAt">The end of the download window of a completed job (past or not); null before completion.</param>
/// <param name="AttachmentId">The zip, while it can be downloaded; null otherwise.</param>
public sealed record ExportDownloadState(DateTime? ExpiresAt, Guid? AttachmentId)
{
    public bool Available => AttachmentId is not null;
}

/// <summary>
/// The one rule for "is this zip downloadable?", shared by the API, the Exports page, the bell and the download
/// itself: the job completed, its attachment still exists, and its download window (checked now, not only by the
/// cleanup) is open.
/// </summary>
public sealed class ExportDownloads(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    AttachmentService attachments,
    IOptionsMonitor<ExportOptions> options,
    TimeProvider clock)
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

    public async Task<ExportDownloadState> StateAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken) =>
        (await StatesAsync([job], cancellationToken))[job.Id];

    /// <summary>The download state of each job, by job id, with one query for the attachments.</summary>
    public async Task<IReadOnlyDictionary<Guid, ExportDownloadState>> StatesAsync(
        IReadOnlyCollection<AuditLogBulkExportJob> jobs, CancellationToken cancellationToken)
    {
        var attachmentIds = jobs.Where(j => j.Status == ExportStatus.Completed && j.AttachmentId is not null)
            .Select(j => j.AttachmentId!.Value).Distinct().ToList();
        var present = await attachments.FindExistingAsync(attachmentIds, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return jobs.DistinctBy(j => j.Id).ToDictionary(j => j.Id, j => StateOf(j, present, now));
    }

    private ExportDownloadState StateOf(AuditLogBulkExportJob job, IReadOnlySet<Guid> presentAttachments, DateTime now)
    {
        if (job is not { Status: ExportStatus.Completed, CompletedAt: { } completedAt })
        {
            return new ExportDownloadState(null, null);
        }
        var expiresAt = ExpiresAt(completedAt);
        var available = job.AttachmentId is { } id && presentAttachments.Contains(id) && now < expiresAt;
        return new ExportDownloadState(expiresAt, available ? job.AttachmentId : null);
    }

    private DateTime ExpiresAt(DateTime completedAt) => completedAt.AddSeconds(options.CurrentValue.DownloadExpirationSeconds);
}
