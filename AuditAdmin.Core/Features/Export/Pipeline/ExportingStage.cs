using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Formats;
using AuditAdmin.Core.Features.Export.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export.Pipeline;

internal enum ExportingOutcome
{
    /// <summary>Every matching record is in a finished file.</summary>
    Exported,

    /// <summary>Nothing matches the filters.</summary>
    NoResults,

    /// <summary>The job changed under the run (restart flagged, expired, removed): the run must look at it again.</summary>
    Superseded,

    /// <summary>The audit log was disabled: the job stays in progress at its saved cursor until it is enabled again.</summary>
    Paused,
}

/// <summary>
/// The exporting stage: streams the matching activities, in ascending id after the saved cursor, into files of
/// Export:MaxLogsPerFile records in the job's format, and saves the cursor after each file is on disk. Resuming after a crash neither
/// repeats nor skips a record (see <see cref="ExportResume"/>). Each finished file is handed to the zip being built
/// alongside, when there is one.
/// </summary>
internal sealed class ExportingStage(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    ExportJobTransitions transitions,
    ExportResume resume,
    ExportRecordSources sources,
    ExportFormats formats,
    ExportWorkDirectory work,
    ExportNotifier notifier,
    IOptionsMonitor<ExportOptions> options,
    AvailableActions auditLog,
    TimeProvider clock)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public async Task<ExportingOutcome> RunAsync(AuditLogBulkExportJob job, StreamingZip? zip, CancellationToken cancellationToken)
    {
        var format = formats.For(job.Format);
        if (await resume.PrepareAsync(job, cancellationToken) is not { } start)
        {
            return ExportingOutcome.Superseded;
        }
        foreach (var (_, path) in work.ListFiles(job.Id))
        {
            zip?.Add(path);
        }
        var (lastId, total, index) = start;
        var filters = CanonicalExportFilters.Parse(job.Filters);
        var maxPerFile = options.CurrentValue.MaxLogsPerFile;
        var expiresAt = job.CreatedAt.AddSeconds(options.CurrentValue.JobExpirationSeconds);
        var directory = work.For(job.Id);
        var lastProgress = clock.GetTimestamp();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requester = await ExportRequesters.FindAsync(db, job.UserId, cancellationToken);
        await using var source = await sources.OpenAsync(db, filters, lastId, job.AsOfActivityId, cancellationToken);
        await using var committer = new ExportFileCommitter(transitions, job.Id, zip);
        ExportFileWriter? file = null;
        var paused = false;
        try
        {
            while (await source.ReadAsync(cancellationToken))
            {
                file ??= ExportFileWriter.Create(directory, job.Id, index, format, requester);
                file.Write(source);
                lastId = source.Id;
                if (file.Count < maxPerFile)
                {
                    continue;
                }
                await HandOverAsync(file);
                file = null;
                zip?.ThrowIfFailed();
                if (committer.Stopped || clock.GetUtcNow().UtcDateTime > expiresAt)
                {
                    break;
                }
                if (!auditLog.Enabled)
                {
                    paused = true;
                    break;
                }
                if (clock.GetElapsedTime(lastProgress) >= ProgressInterval)
                {
                    lastProgress = clock.GetTimestamp();
                    await notifier.StatusChangedAsync(job.UserId);
                }
            }
            if (file is not null)
            {
                await HandOverAsync(file);
                file = null;
            }
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
        if (!await committer.CompleteAsync() || clock.GetUtcNow().UtcDateTime > expiresAt)
        {
            return ExportingOutcome.Superseded;
        }
        if (paused)
        {
            return ExportingOutcome.Paused;
        }
        return total == 0 ? ExportingOutcome.NoResults : ExportingOutcome.Exported;

        async Task HandOverAsync(ExportFileWriter finished)
        {
            finished.Finish();
            total += finished.Count;
            index++;
            await committer.EnqueueAsync(finished, lastId, total, index, cancellationToken);
        }
    }
}
