using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// An export still in progress Export:JobExpirationSeconds after its request is stopped: the job is removed (a run
/// still working on it gives way at its next file), its files are deleted and its owner is told. Unlike GROWI, the
/// notice is always sent, whichever process was running the job.
/// </summary>
internal sealed class ExportExpiry(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    ExportJobTransitions transitions,
    ExportWorkDirectory work,
    ExportNotifier notifier,
    IOptionsMonitor<ExportOptions> options,
    TimeProvider clock,
    ILogger<ExportExpiry> logger)
{
    public bool IsExpired(AuditLogBulkExportJob job) => job.CreatedAt < Cutoff;

    /// <summary>Expires one job; false when it had already finished or been removed.</summary>
    public async Task<bool> ExpireAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken)
    {
        var notice = await notifier.NoticeAsync(job, SupportedActions.AuditLogBulkExportJobExpired, cancellationToken);
        if (!await transitions.DeleteInProgressAsync(job.Id, notice, cancellationToken))
        {
            return false;
        }
        logger.LogInformation("Export job {JobId} expired before finishing and was removed", job.Id);
        work.TryDelete(job.Id);
        await notifier.StatusChangedAsync(job.UserId);
        return true;
    }

    /// <summary>Expires every overdue in-progress job; one job's failure does not stop the others.</summary>
    public async Task<(int Expired, int Errors)> ExpireOverdueAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff;
        List<AuditLogBulkExportJob> overdue;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            overdue = await db.AuditLogBulkExportJobs.AsNoTracking()
                .Where(j => ExportStatus.InProgress.Contains(j.Status) && j.CreatedAt < cutoff)
                .OrderBy(j => j.CreatedAt).Take(1000).ToListAsync(cancellationToken);
        }
        int expired = 0, errors = 0;
        foreach (var job in overdue)
        {
            try
            {
                expired += await ExpireAsync(job, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors++;
                logger.LogError(ex, "Could not expire export job {JobId}", job.Id);
            }
        }
        return (expired, errors);
    }

    private DateTime Cutoff => clock.GetUtcNow().UtcDateTime.AddSeconds(-options.CurrentValue.JobExpirationSeconds);
}
