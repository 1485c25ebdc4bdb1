using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// The pipeline's state changes, each one UPDATE guarded by the state it expects. A guard that no longer holds
/// (the job was flagged for restart, expired or removed meanwhile) makes the change return false, and the run
/// gives way instead of overwriting.
/// </summary>
internal sealed class ExportJobTransitions(IDbContextFactory<AuditAdminDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AuditLogBulkExportJob?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    /// <summary>Saves the resume cursor, in one update, after its last file is safely on disk.</summary>
    public Task<bool> SaveProgressAsync(Guid jobId, ExportCursor cursor, CancellationToken cancellationToken)
    {
        var now = Now;
        return UpdateAsync(jobId, ExportStatus.Exporting, s => s
            .SetProperty(j => j.LastExportedId, cursor.LastExportedId)
            .SetProperty(j => j.TotalExportedCount, cursor.TotalExportedCount)
            .SetProperty(j => j.ExportedFileCount, cursor.ExportedFileCount)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }

    public Task<bool> MarkUploadingAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = Now;
        return UpdateAsync(jobId, ExportStatus.Exporting, s => s
            .SetProperty(j => j.Status, ExportStatus.Uploading)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Ends the job failed and saves the owner's notice, in one transaction; false (nothing saved) if it moved on.</summary>
    public Task<bool> MarkFailedAsync(Guid jobId, ExportNotice notice, CancellationToken cancellationToken)
    {
        var now = Now;
        return WithNoticeAsync(notice, async (db, ct) => await db.AuditLogBulkExportJobs
            .Where(j => j.Id == jobId && !j.RestartFlag && ExportStatus.InProgress.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Failed).SetProperty(j => j.UpdatedAt, now), ct) > 0,
            cancellationToken);
    }

    /// <summary>The owner cancels an in-progress job, with its notice, in one transaction; false when it is not theirs or has ended.</summary>
    public Task<bool> CancelAsync(Guid jobId, string ownerId, ExportNotice notice, CancellationToken cancellationToken)
    {
        var now = Now;
        return WithNoticeAsync(notice, async (db, ct) => await db.AuditLogBulkExportJobs
            .Where(j => j.Id == jobId && j.UserId == ownerId && ExportStatus.InProgress.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Cancelled).SetProperty(j => j.UpdatedAt, now), ct) > 0,
            cancellationToken);
    }

    /// <summary>Applies a requested restart: back to exporting from the first record.</summary>
    public async Task<bool> ResetForRestartAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs
            .Where(j => j.Id == jobId && j.RestartFlag && ExportStatus.InProgress.Contains(j.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportStatus.Exporting)
                .SetProperty(j => j.LastExportedId, 0L)
                .SetProperty(j => j.TotalExportedCount, 0L)
                .SetProperty(j => j.ExportedFileCount, 0)
                .SetProperty(j => j.RestartFlag, false)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken) > 0;
    }

    /// <summary>Starts an export over when its files no longer match its cursor (the work folder was lost).</summary>
    public Task<bool> ResetCursorAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = Now;
        return UpdateAsync(jobId, ExportStatus.Exporting, s => s
            .SetProperty(j => j.LastExportedId, 0L)
            .SetProperty(j => j.TotalExportedCount, 0L)
            .SetProperty(j => j.ExportedFileCount, 0)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }

    /// <summary>
    /// Stores the attachment, completes the job and saves the owner's notice in one transaction; false (and nothing
    /// stored) if the job moved on.
    /// </summary>
    public Task<bool> CompleteAsync(Guid jobId, Attachment attachment, ExportNotice notice, CancellationToken cancellationToken)
    {
        var now = Now;
        return WithNoticeAsync(notice, async (db, ct) =>
        {
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return await db.AuditLogBulkExportJobs
                .Where(j => j.Id == jobId && !j.RestartFlag && j.Status == ExportStatus.Uploading)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, ExportStatus.Completed)
                    .SetProperty(j => j.AttachmentId, attachment.Id)
                    .SetProperty(j => j.CompletedAt, now)
                    .SetProperty(j => j.UpdatedAt, now), ct) > 0;
        }, cancellationToken);
    }

    /// <summary>Removes an in-progress job (expiry) and saves the owner's notice, in one transaction; false when it had already finished or gone.</summary>
    public Task<bool> DeleteInProgressAsync(Guid jobId, ExportNotice notice, CancellationToken cancellationToken) =>
        WithNoticeAsync(notice, async (db, ct) => await db.AuditLogBulkExportJobs
            .Where(j => j.Id == jobId && ExportStatus.InProgress.Contains(j.Status))
            .ExecuteDeleteAsync(ct) > 0, cancellationToken);

    /// <summary>Applies a guarded change and, when it applied, saves the notice with it; one transaction, retried as a whole.</summary>
    private async Task<bool> WithNoticeAsync(ExportNotice notice, Func<AuditAdminDbContext, CancellationToken, Task<bool>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await change(db, ct))
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
            notice.AddTo(db);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> UpdateAsync(Guid jobId, string expectedStatus,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AuditLogBulkExportJob>> setters, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs
            .Where(j => j.Id == jobId && !j.RestartFlag && j.Status == expectedStatus)
            .ExecuteUpdateAsync(setters, cancellationToken) > 0;
    }
}
