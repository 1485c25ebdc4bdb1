using AuditAdmin.Core.Features.Export.Cleanup;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>Every Export:CleanupIntervalSeconds: removes expired and failed exports (see <see cref="ExportCleanup"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class ExportCleanupJob(ExportCleanup cleanup, ILogger<ExportCleanupJob> logger) : IJob
{
    public static readonly JobKey Key = new("export-cleanup", "export");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await cleanup.RunAsync(cancellationToken);
            if (result.Removed + result.OrphanFolders + result.OrphanZips + result.Errors > 0)
            {
                logger.LogInformation("Export cleanup: {Expired} expired, {DownloadExpired} past download, {Failed} failed, "
                    + "{Orphans} orphan folders, {OrphanZips} orphan zips, {Errors} errors", result.Expired, result.DownloadExpired,
                    result.Failed, result.OrphanFolders, result.OrphanZips, result.Errors);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The export cleanup failed; it runs again at its next interval");
        }
    }
}
