using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Core.Features.Export.Request;

public enum ExportCancelResult
{
    Cancelled,

    /// <summary>No such job of this user (someone else's is not found either).</summary>
    NotFound,

    /// <summary>The job had already completed, failed or been cancelled.</summary>
    AlreadyEnded,
}

/// <summary>
/// The owner stops an in-progress export: its status becomes cancelled with the owner's notice and the custody
/// activity in one transaction; a run working on it gives way at its next file (its cursor save no longer applies)
/// and removes the files; without a run here they are removed at once.
/// </summary>
public sealed class ExportCancellation
{
    private readonly ExportJobTransitions _transitions;
    private readonly ExportNotifier _notifier;
    private readonly ExportRunRegistry _registry;
    private readonly ExportWorkDirectory _work;
    private readonly ILogger<ExportCancellation> _logger;

    // Internal: its collaborators are the feature's internals. The container builds it through Create.
    internal ExportCancellation(ExportJobTransitions transitions, ExportNotifier notifier, ExportRunRegistry registry,
        ExportWorkDirectory work, ILogger<ExportCancellation> logger)
    {
        _transitions = transitions;
        _notifier = notifier;
        _registry = registry;
        _work = work;
        _logger = logger;
    }

    internal static ExportCancellation Create(IServiceProvider services) => new(
        services.GetRequiredService<ExportJobTransitions>(),
        services.GetRequiredService<ExportNotifier>(),
        services.GetRequiredService<ExportRunRegistry>(),
        services.GetRequiredService<ExportWorkDirectory>(),
        services.GetRequiredService<ILogger<ExportCancellation>>());

    public async Task<ExportCancelResult> CancelAsync(string userId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await _transitions.FindAsync(jobId, cancellationToken);
        if (job is null || job.UserId != userId)
        {
            return ExportCancelResult.NotFound;
        }
        if (!ExportStatus.IsInProgress(job.Status))
        {
            return ExportCancelResult.AlreadyEnded;
        }
        var notice = await _notifier.NoticeAsync(job, SupportedActions.AuditLogBulkExportCancelled, cancellationToken);
        if (!await _transitions.CancelAsync(jobId, userId, notice, cancellationToken))
        {
            // It ended between the read and the update.
            return ExportCancelResult.AlreadyEnded;
        }
        _logger.LogInformation("Export job {JobId} was cancelled by its owner", jobId);
        if (!_registry.IsRunning(jobId))
        {
            _work.TryDelete(jobId);
        }
        await _notifier.StatusChangedAsync(userId);
        return ExportCancelResult.Cancelled;
    }
}
