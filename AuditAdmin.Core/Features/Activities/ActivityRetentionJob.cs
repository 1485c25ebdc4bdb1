using Quartz;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>Runs <see cref="ActivityRetention"/> on its schedule; never two runs at once.</summary>
[DisallowConcurrentExecution]
internal sealed class ActivityRetentionJob(ActivityRetention retention) : IJob
{
    public static readonly JobKey Key = new("activity-retention", "maintenance");
    public static readonly TriggerKey Trigger = new("activity-retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await retention.RunAsync(cancellationToken);
}
