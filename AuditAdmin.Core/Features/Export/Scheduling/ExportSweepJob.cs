using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Pipeline;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>
/// Every Export:SweepIntervalSeconds and once at start-up: expires overdue jobs and resumes the others from their
/// cursor. While the audit log is disabled it leaves them alone.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ExportSweepJob(ExportExpiry expiry, ExportDispatcher dispatcher, AvailableActions auditLog, ILogger<ExportSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("export-sweep", "export");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!auditLog.Enabled)
        {
            return;
        }
        try
        {
            await expiry.ExpireOverdueAsync(cancellationToken);
            await dispatcher.DispatchWaitingAsync(except: null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The export sweep failed; it runs again at its next interval");
        }
    }
}
