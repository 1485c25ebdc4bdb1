using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>
/// Starts in-progress jobs that nothing in this process is running, oldest first, as far as free slots allow; none
/// while the audit log is disabled.
/// </summary>
internal sealed class ExportDispatcher(
    AvailableActions auditLog,
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    ExportRunRegistry registry,
    IExportJobTrigger trigger,
    ILogger<ExportDispatcher> logger)
{
    public async Task<int> DispatchWaitingAsync(Guid? except, CancellationToken cancellationToken)
    {
        var free = registry.FreeSlots;
        if (free == 0 || !auditLog.Enabled)
        {
            return 0;
        }
        List<Guid> waiting;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            waiting = await db.AuditLogBulkExportJobs.AsNoTracking()
                .Where(j => ExportStatus.InProgress.Contains(j.Status))
                .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id)
                .Select(j => j.Id).Take(free + 64).ToListAsync(cancellationToken);
        }
        var started = 0;
        foreach (var jobId in waiting.Where(id => id != except && !registry.IsRunning(id)).Take(free))
        {
            try
            {
                await trigger.TriggerAsync(jobId, cancellationToken);
                started++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not trigger export job {JobId}", jobId);
            }
        }
        return started;
    }
}
