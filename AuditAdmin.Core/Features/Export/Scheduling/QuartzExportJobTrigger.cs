using Quartz;

namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>Fires the durable run job with the export job's id in the trigger's data.</summary>
internal sealed class QuartzExportJobTrigger(ISchedulerFactory schedulers) : IExportJobTrigger
{
    public async Task TriggerAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var data = new JobDataMap { [ExportRunJob.JobIdKey] = jobId.ToString() };
        await scheduler.TriggerJob(ExportRunJob.Key, data, cancellationToken);
    }
}
