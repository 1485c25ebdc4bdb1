using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>
/// The exports running in this process: never two runs of one job, and no more than Export:ParallelExecLimit in all.
/// A refused start is not lost: the job stays in progress in the database and is dispatched again when a slot frees
/// or at the next sweep.
/// </summary>
internal sealed class ExportRunRegistry(IOptionsMonitor<ExportOptions> options)
{
    private readonly HashSet<Guid> _running = [];
    private readonly Lock _lock = new();

    public bool TryStart(Guid jobId)
    {
        lock (_lock)
        {
            if (_running.Count >= options.CurrentValue.ParallelExecLimit || !_running.Add(jobId))
            {
                return false;
            }
            return true;
        }
    }

    public void Finish(Guid jobId)
    {
        lock (_lock)
        {
            _running.Remove(jobId);
        }
    }

    public bool IsRunning(Guid jobId)
    {
        lock (_lock)
        {
            return _running.Contains(jobId);
        }
    }

    /// <summary>How many more runs may start now.</summary>
    public int FreeSlots
    {
        get
        {
            lock (_lock)
            {
                return Math.Max(0, options.CurrentValue.ParallelExecLimit - _running.Count);
            }
        }
    }
}
