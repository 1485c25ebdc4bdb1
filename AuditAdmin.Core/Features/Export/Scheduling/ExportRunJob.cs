using AuditAdmin.Core.Features.Export.Pipeline;
using Quartz;

namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>
/// Runs one export job (its id is in the trigger's data). Thin: the work is in <see cref="ExportRunner"/>. Concurrent
/// fires are fine: <see cref="ExportRunRegistry"/> lets one run per job and at most Export:ParallelExecLimit at once.
/// </summary>
internal sealed class ExportRunJob(ExportRunRegistry registry, ExportRunner runner, ExportDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("export-run", "export");
    public const string JobIdKey = "jobId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(JobIdKey), out var jobId) || !registry.TryStart(jobId))
        {
            return;
        }
        try
        {
            await runner.RunAsync(jobId, cancellationToken);
        }
        finally
        {
            registry.Finish(jobId);
        }
        if (!cancellationToken.IsCancellationRequested)
        {
            // A slot is free: start whatever waited for it.
            await dispatcher.DispatchWaitingAsync(except: jobId, CancellationToken.None);
        }
    }
}
