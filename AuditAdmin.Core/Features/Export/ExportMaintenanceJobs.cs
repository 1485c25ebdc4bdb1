using Microsoft.Extensions.Logging;
using Quartz;

namespace AuditAdmin.Core.Features.Export;

/// <summary>Every Export:SweepIntervalSeconds and once at start-up: expires overdue jobs and resumes the others from their cursor.</summary>
[DisallowConcurrentExecution]
public sealed class ExportSweepJob(ExportExpiry expiry, ExportDispatcher dispatcher, ILogger<ExportSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("export-sweep", "export");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
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

/// <summary>Every Export:CleanupIntervalSeconds: removes expired and failed exports (see <see cref="ExportCleanup"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ExportCleanupJob(ExportCleanup cleanup, ILogger<ExportCleanupJob> logger) : IJob
{
    public static readonly JobKey Key = new("export-cleanup", "export");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await cleanup.RunAsync(cancellationToken);
            if (result.Removed + result.OrphanFolders + result.Errors > 0)
            {
                logger.LogInformation("Export cleanup: {Expired} expired, {DownloadExpired} past download, {Failed} failed, "
                    + "{Orphans} orphan folders, {Errors} errors", result.Expired, result.DownloadExpired, result.Failed,
                    result.OrphanFolders, result.Errors);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The export cleanup failed; it runs again at its next interval");
        }
    }
}
