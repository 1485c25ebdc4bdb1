using AuditAdmin.Core.Features.Activities;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// Drives one export job through its statuses: exporting → uploading → completed, or failed. It re-reads the job
/// between steps, so a restart request, an expiry or a removal that happens meanwhile is honoured at once. While the
/// audit log is disabled it leaves jobs alone (GROWI's checker does the same): they wait at their cursor. Run it
/// through <see cref="ExportRunJob"/> (one run per job); tests and the benchmark call it directly.
/// </summary>
internal sealed class ExportRunner(
    ExportJobTransitions transitions,
    ExportingStage exportStage,
    ZipUploader uploader,
    ExportWorkDirectory work,
    ExportNotifier notifier,
    ExportExpiry expiry,
    AvailableActions auditLog,
    ILogger<ExportRunner> logger)
{
    // Each pass either finishes the job or moves it on; the bound only stops a job that is restarted endlessly.
    private const int MaxPasses = 50;

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var run = new RunState();
        try
        {
            await RunPassesAsync(jobId, run, cancellationToken);
        }
        finally
        {
            await run.DiscardZipAsync();
        }
    }

    private async Task RunPassesAsync(Guid jobId, RunState run, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var job = await transitions.FindAsync(jobId, cancellationToken);
            if (job is null || !ExportStatus.IsInProgress(job.Status))
            {
                work.TryDelete(jobId);
                return;
            }
            if (!auditLog.Enabled)
            {
                logger.LogInformation("Export job {JobId} waits: the audit log is disabled", jobId);
                return;
            }
            if (expiry.IsExpired(job))
            {
                await expiry.ExpireAsync(job, cancellationToken);
                return;
            }
            if (job.RestartFlag)
            {
                await run.DiscardZipAsync();
                work.Delete(job.Id);
                if (await transitions.ResetForRestartAsync(job.Id, cancellationToken))
                {
                    logger.LogInformation("Export job {JobId} restarts from the beginning", job.Id);
                    await notifier.StatusChangedAsync(job.UserId);
                }
                continue;
            }

            try
            {
                if (!await StepAsync(job, run, cancellationToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the job stays in progress and resumes from its cursor at the next start.
                throw;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Export job {JobId} failed while {Status}", job.Id, job.Status);
                await run.DiscardZipAsync();
                if (!await FinishAsync(job, SupportedActions.AuditLogBulkExportFailed, cancellationToken))
                {
                    continue;
                }
                return;
            }
        }
        logger.LogWarning("Export job {JobId} changed {Passes} times during one run; the sweep will pick it up again", jobId, MaxPasses);
    }

    /// <summary>Runs the job's current stage; true when the job should be looked at again.</summary>
    private async Task<bool> StepAsync(AuditLogBulkExportJob job, RunState run, CancellationToken cancellationToken)
    {
        if (job.Status == ExportStatus.Exporting)
        {
            run.Zip ??= await TryStartZipAsync(job, cancellationToken);
            switch (await exportStage.RunAsync(job, run.Zip, cancellationToken))
            {
                case ExportingOutcome.Paused:
                    await run.DiscardZipAsync();
                    logger.LogInformation("Export job {JobId} paused at its cursor: the audit log was disabled", job.Id);
                    await notifier.StatusChangedAsync(job.UserId);
                    return false;
                case ExportingOutcome.NoResults:
                    await run.DiscardZipAsync();
                    return !await FinishAsync(job, SupportedActions.AuditLogBulkExportNoResults, cancellationToken);
                case ExportingOutcome.Exported when await transitions.MarkUploadingAsync(job.Id, cancellationToken):
                    await notifier.StatusChangedAsync(job.UserId);
                    return true;
                default:
                    await run.DiscardZipAsync();
                    return true;
            }
        }

        var attachment = await uploader.UploadAsync(job, run.Zip, cancellationToken);
        await run.DiscardZipAsync();
        if (attachment is null)
        {
            return true;
        }
        logger.LogInformation("Export job {JobId} completed", job.Id);
        work.TryDelete(job.Id);
        await notifier.StatusChangedAsync(job.UserId);
        return false;
    }

    /// <summary>The zip built alongside the export; without it (storage not reachable now) the upload zips the files later.</summary>
    private async Task<StreamingZip?> TryStartZipAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken)
    {
        try
        {
            return await uploader.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Export job {JobId}: storage not writable yet; the zip will be built after the export", job.Id);
            return null;
        }
    }

    /// <summary>Ends the job as failed with the given notice; false when the job had changed (look again).</summary>
    private async Task<bool> FinishAsync(AuditLogBulkExportJob job, string action, CancellationToken cancellationToken)
    {
        if (!await transitions.MarkFailedAsync(job.Id, await notifier.NoticeAsync(job, action, cancellationToken), cancellationToken))
        {
            return false;
        }
        work.TryDelete(job.Id);
        await notifier.StatusChangedAsync(job.UserId);
        return true;
    }

    /// <summary>What one run carries from the exporting stage to the uploading stage.</summary>
    private sealed class RunState
    {
        public StreamingZip? Zip { get; set; }

        public async Task DiscardZipAsync()
        {
            if (Zip is { } zip)
            {
                Zip = null;
                await zip.DisposeAsync();
            }
        }
    }
}
