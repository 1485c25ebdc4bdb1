using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Features.Export.Scheduling;
using AuditAdmin.Core.Features.Maintenance;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export.Cleanup;

internal sealed record ExportCleanupResult(int Expired, int DownloadExpired, int Failed, int OrphanFolders, int OrphanZips, int Errors)
{
    public int Removed => Expired + DownloadExpired + Failed;
}

/// <summary>
/// Periodic removal of finished exports: overdue in-progress jobs are expired; completed jobs past the download
/// window lose their zip (unless another still-valid job shares it) and are removed; failed jobs are removed; work
/// folders left without a job, unfinished zip writes left by a crash and stored zips that a crash left without their
/// attachment row are deleted. Each job is handled on its own,
/// so one failure never blocks the rest; the run is recorded in <see cref="MaintenanceRun"/>.
/// </summary>
internal sealed class ExportCleanup(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    ExportExpiry expiry,
    AttachmentService attachments,
    IFileStorage storage,
    ExportWorkDirectory work,
    ExportRunRegistry registry,
    ExportJobActivity custody,
    IOptionsMonitor<ExportOptions> options,
    TimeProvider clock,
    ILogger<ExportCleanup> logger)
{
    private const int BatchLimit = 1000;

    public async Task<ExportCleanupResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var downloadCutoff = now.AddSeconds(-options.CurrentValue.DownloadExpirationSeconds);
        var (expired, errors) = await expiry.ExpireOverdueAsync(cancellationToken);

        var (downloadExpired, e1) = await RemoveAsync(
            j => j.Status == ExportStatus.Completed && j.CompletedAt < downloadCutoff, downloadCutoff, cancellationToken);
        var (failed, e2) = await RemoveAsync(j => j.Status == ExportStatus.Failed || j.Status == ExportStatus.Cancelled, downloadCutoff, cancellationToken);
        var (orphans, e3) = await RemoveOrphanFoldersAsync(cancellationToken);
        // A zip is written for at most as long as a job may run; older unfinished writes were cut short by a crash.
        var jobCutoff = now.AddSeconds(-options.CurrentValue.JobExpirationSeconds);
        var abandoned = await storage.DeleteAbandonedWritesAsync(jobCutoff, cancellationToken);
        if (abandoned > 0)
        {
            logger.LogInformation("Removed {Count} unfinished zip write(s) left by a crash", abandoned);
        }
        var (orphanZips, e4) = await RemoveOrphanZipsAsync(jobCutoff, cancellationToken);

        var result = new ExportCleanupResult(expired, downloadExpired, failed, orphans, orphanZips, errors + e1 + e2 + e3 + e4);
        await RecordRunAsync(now, result, cancellationToken);
        return result;
    }

    private async Task<(int Removed, int Errors)> RemoveAsync(System.Linq.Expressions.Expression<Func<AuditLogBulkExportJob, bool>> which,
        DateTime downloadCutoff, CancellationToken cancellationToken)
    {
        List<AuditLogBulkExportJob> jobs;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            jobs = await db.AuditLogBulkExportJobs.AsNoTracking().Where(which).OrderBy(j => j.UpdatedAt).Take(BatchLimit)
                .ToListAsync(cancellationToken);
        }
        int removed = 0, errors = 0;
        foreach (var job in jobs)
        {
            try
            {
                removed += await RemoveJobAsync(job, downloadCutoff, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors++;
                logger.LogError(ex, "Could not clean up export job {JobId}", job.Id);
            }
        }
        return (removed, errors);
    }

    private async Task<bool> RemoveJobAsync(AuditLogBulkExportJob job, DateTime downloadCutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (job.AttachmentId is { } attachmentId)
        {
            var shared = await db.AuditLogBulkExportJobs.AnyAsync(j => j.Id != job.Id && j.AttachmentId == attachmentId
                && (ExportStatus.InProgress.Contains(j.Status) || (j.Status == ExportStatus.Completed && j.CompletedAt >= downloadCutoff)),
                cancellationToken);
            if (!shared)
            {
                await attachments.DeleteAsync(attachmentId, cancellationToken);
            }
        }
        work.Delete(job.Id);
        if (await db.AuditLogBulkExportJobs.Where(j => j.Id == job.Id && j.Status == job.Status)
                .ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }
        // Chain of custody: the owner's export (and its zip, unless shared) is gone, and why.
        await custody.RecordAsync(job.UserId, job.Id, SupportedActions.AuditLogBulkExportRemoved, origin: null, cancellationToken,
            new Dictionary<string, string?>
            {
                ["reason"] = job.Status == ExportStatus.Completed ? "download_expired" : job.Status,
                ["attachmentId"] = job.AttachmentId?.ToString(),
            });
        return true;
    }

    private async Task<(int Removed, int Errors)> RemoveOrphanFoldersAsync(CancellationToken cancellationToken)
    {
        var folders = work.ListJobFolders().ToList();
        if (folders.Count == 0)
        {
            return (0, 0);
        }
        HashSet<Guid> inProgress;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            inProgress = (await db.AuditLogBulkExportJobs.AsNoTracking().Where(j => ExportStatus.InProgress.Contains(j.Status))
                .Select(j => j.Id).ToListAsync(cancellationToken)).ToHashSet();
        }
        int removed = 0, errors = 0;
        foreach (var jobId in folders.Where(id => !inProgress.Contains(id) && !registry.IsRunning(id)))
        {
            try
            {
                work.Delete(jobId);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors++;
                logger.LogWarning(ex, "Could not delete the orphan work folder of export job {JobId}", jobId);
            }
        }
        return (removed, errors);
    }

    /// <summary>
    /// Zips stored before <paramref name="writtenBeforeUtc"/> that no attachment row names: a crash came between storing
    /// the zip and recording its attachment. A younger one may belong to an export that is about to record it, and an
    /// older one cannot, as no job runs longer than the job expiry (overdue ones were expired above).
    /// </summary>
    private async Task<(int Removed, int Errors)> RemoveOrphanZipsAsync(DateTime writtenBeforeUtc, CancellationToken cancellationToken)
    {
        var old = new List<string>();
        await foreach (var file in storage.ListAsync(ZipUploader.StoragePrefix + "/", cancellationToken))
        {
            if (file.LastModifiedUtc < writtenBeforeUtc)
            {
                old.Add(file.Key);
            }
        }
        int removed = 0, errors = 0;
        foreach (var batch in old.Chunk(BatchLimit))
        {
            HashSet<string> referenced;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                referenced = (await db.Attachments.AsNoTracking().Where(a => batch.Contains(a.FileName)).Select(a => a.FileName)
                    .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            }
            foreach (var key in batch.Where(k => !referenced.Contains(k)))
            {
                try
                {
                    await storage.DeleteAsync(key, cancellationToken);
                    removed++;
                    logger.LogInformation("Removed the stored export zip {Key}: no attachment refers to it (left by a crash)", key);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    errors++;
                    logger.LogWarning(ex, "Could not delete the orphan export zip {Key}", key);
                }
            }
        }
        return (removed, errors);
    }

    private async Task RecordRunAsync(DateTime at, ExportCleanupResult result, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.MaintenanceRuns.FirstOrDefaultAsync(r => r.Name == MaintenanceTasks.ExportCleanup, cancellationToken);
        if (run is null)
        {
            run = new MaintenanceRun { Name = MaintenanceTasks.ExportCleanup };
            db.MaintenanceRuns.Add(run);
        }
        run.LastRunAt = at;
        run.LastAffectedCount = result.Removed;
        run.LastError = result.Errors == 0 ? null : $"{result.Errors} export job(s) could not be cleaned up; see the server log.";
        await db.SaveChangesAsync(cancellationToken);
    }
}
