using System.Data;
using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export;

public enum ExportStageOutcome
{
    /// <summary>Every matching record is in a finished file.</summary>
    Exported,

    /// <summary>Nothing matches the filters.</summary>
    NoResults,

    /// <summary>The job changed under the run (restart flagged, expired, removed): the run must look at it again.</summary>
    Superseded,
}

/// <summary>
/// The exporting stage: streams the matching activities, in ascending id after the saved cursor, into JSON files of
/// Export:MaxLogsPerFile records, and saves the cursor after each file is on disk. Resuming after a crash neither
/// repeats nor skips a record (see <see cref="ExportResume"/>).
/// </summary>
public sealed class ExportStage(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    ExportJobStore store,
    ExportResume resume,
    ExportWorkDirectory work,
    ExportNotifier notifier,
    IOptionsMonitor<ExportOptions> options,
    TimeProvider clock)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public async Task<ExportStageOutcome> RunAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken)
    {
        if (await resume.PrepareAsync(job, cancellationToken) is not { } start)
        {
            return ExportStageOutcome.Superseded;
        }
        var (lastId, total, index) = start;
        var filters = CanonicalExportFilters.Parse(job.Filters);
        var maxPerFile = options.CurrentValue.MaxLogsPerFile;
        var expiresAt = job.CreatedAt.AddSeconds(options.CurrentValue.JobExpirationSeconds);
        var directory = work.For(job.Id);
        var lastProgress = clock.GetTimestamp();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = ExportActivityQuery.Build(db, filters, lastId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        ExportFileWriter? file = null;
        try
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                file ??= ExportFileWriter.Create(directory, job.Id, index);
                lastId = file.Write(reader);
                if (file.Count < maxPerFile)
                {
                    continue;
                }
                if (!await CommitAsync(file))
                {
                    return ExportStageOutcome.Superseded;
                }
                file = null;
                if (clock.GetUtcNow().UtcDateTime > expiresAt)
                {
                    return ExportStageOutcome.Superseded;
                }
                if (clock.GetElapsedTime(lastProgress) >= ProgressInterval)
                {
                    lastProgress = clock.GetTimestamp();
                    await notifier.StatusChangedAsync(job.UserId);
                }
            }
            if (file is not null && !await CommitAsync(file))
            {
                return ExportStageOutcome.Superseded;
            }
            file = null;
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
        return total == 0 ? ExportStageOutcome.NoResults : ExportStageOutcome.Exported;

        async Task<bool> CommitAsync(ExportFileWriter finished)
        {
            await finished.CommitAsync(cancellationToken);
            total += finished.Count;
            index++;
            return await store.SaveProgressAsync(job.Id, lastId, total, cancellationToken);
        }
    }
}
