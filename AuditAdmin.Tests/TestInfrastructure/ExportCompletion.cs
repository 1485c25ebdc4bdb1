using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Waits for a job to finish by listening to its owner's change notices (no polling).</summary>
public static class ExportCompletion
{
    public static async Task<AuditLogBulkExportJob> WaitAsync(IServiceProvider services, string userId, Guid jobId, TimeSpan? timeout = null)
    {
        var finished = new TaskCompletionSource<AuditLogBulkExportJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>();
        async Task CheckAsync()
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var job = await db.AuditLogBulkExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId);
            if (job is not null && !ExportStatus.IsInProgress(job.Status))
            {
                finished.TrySetResult(job);
            }
        }
        using var subscription = services.GetRequiredService<NotificationBroadcaster>().Subscribe(userId, CheckAsync);
        await CheckAsync();
        return await finished.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }
}
